from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .common import RemindersCase


@tagged("post_install", "-at_install")
class TestCheckReminders(RemindersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.today()

    def _check(self, days, customer=None, **vals):
        customer = customer or self.customer_a
        return self.env["field.check"].create(
            {
                "name": f"Check of {customer.name}",
                "partner_id": customer.id,
                "date": self.today - timedelta(days=300),
                "next_date": self.today + timedelta(days=days),
                **vals,
            }
        )

    def _cron(self):
        self.env["field.check"]._cron_send_check_reminders()

    def test_once_before_the_next_date(self):
        check = self._check(45, plant_id=self.plant_a.id)
        other_customer = self._check(10, customer=self.customer_b)
        past = self._check(-1)
        self._cron()
        self.assertFalse(self._mails(check), "45 days before: too early")
        with freeze_time(self.today + timedelta(days=20)):  # 25 days before
            self._cron()
            self._cron()  # idempotent
        mails = self._mails(check)
        self.assertEqual(len(mails), 1, "one reminder, sent once")
        self.assertEqual(mails.recipient_ids, self.contact_a)
        self.assertIn(check.name, mails.subject)
        self.assertIn("Boiler", str(mails.body_html))
        self.assertTrue(check.reminder_sent)
        self.assertFalse(self._mails(other_customer), "nobody at B receives reminders")
        self.assertTrue(other_customer.reminder_sent, "done with, recipients or not")
        self.assertFalse(self._mails(past) or past.reminder_sent, "a date gone by is not reminded")
        # A new next date re-arms the reminder.
        check.next_date = self.today + timedelta(days=40)
        self.assertFalse(check.reminder_sent)
        with freeze_time(self.today + timedelta(days=15)):
            self._cron()
        self.assertEqual(len(self._mails(check)), 2)

    def test_offset_from_settings(self):
        self.env["res.config.settings"].create({"field_check_reminder_days": 60}).execute()
        check = self._check(50)
        self._cron()
        self.assertEqual(len(self._mails(check)), 1)

    def test_batches_flat(self):
        """100 checks cost the queries of 10: one batch, whatever its size."""
        self._cron()  # warm the caches
        checks_10 = self.env["field.check"].create(
            [
                {
                    "name": f"C{i}",
                    "partner_id": self.customer_a.id,
                    "next_date": self.today + timedelta(days=5),
                }
                for i in range(10)
            ]
        )
        checks_100 = self.env["field.check"].create(
            [
                {
                    "name": f"D{i}",
                    "partner_id": self.customer_a.id,
                    "next_date": self.today + timedelta(days=5),
                }
                for i in range(100)
            ]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        count0 = self.cr.sql_log_count
        checks_10._send_reminders()
        self.env.flush_all()
        queries_10 = self.cr.sql_log_count - count0
        self.env.invalidate_all()
        with self.assertQueryCount(queries_10):
            checks_100._send_reminders()
            self.env.flush_all()
        self.assertEqual(len(self._mails(checks_100)), 100)
