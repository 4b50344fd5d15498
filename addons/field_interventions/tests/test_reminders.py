from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged
from odoo.tools import mute_logger

from ..models.field_intervention import REMINDER_BATCH_SIZE
from .common import RemindersCase


@tagged("post_install", "-at_install")
class TestInterventionReminders(RemindersCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.now = fields.Datetime.now().replace(microsecond=0)

    def test_one_month_then_one_week_before(self):
        intervention = self._intervention(start=self.now + timedelta(days=40))
        other_customer = self._intervention(customer=self.customer_b, start=self.now + timedelta(days=20))
        Intervention = self.env["field.intervention"]
        Intervention._cron_send_reminders()
        self.assertFalse(self._mails(intervention), "40 days before: too early")
        with freeze_time(self.now + timedelta(days=12)):  # 28 days before
            Intervention._cron_send_reminders()
            Intervention._cron_send_reminders()
        mails = self._mails(intervention)
        self.assertEqual(len(mails), 1, "one reminder, sent once")
        self.assertEqual(mails.recipient_ids, self.contact_a)
        self.assertIn(intervention.name, mails.subject)
        self.assertIn("is planned from", str(mails.body_html))
        self.assertEqual((intervention.reminder_first_sent, intervention.reminder_second_sent), (True, False))
        self.assertFalse(self._mails(other_customer), "nobody at B receives reminders")
        self.assertTrue(other_customer.reminder_first_sent)
        with freeze_time(self.now + timedelta(days=34)):  # 6 days before
            Intervention._cron_send_reminders()
            Intervention._cron_send_reminders()
        self.assertEqual(len(self._mails(intervention)), 2)
        self.assertTrue(intervention.reminder_second_sent)
        with freeze_time(self.now + timedelta(days=41)):  # past: nothing more
            Intervention._cron_send_reminders()
        self.assertEqual(len(self._mails(intervention)), 2)

    def test_offsets_from_settings(self):
        settings = self.env["res.config.settings"].create(
            {"field_intervention_reminder_first_days": 60, "field_intervention_reminder_second_days": 14}
        )
        settings.execute()
        intervention = self._intervention(start=self.now + timedelta(days=50))
        self.env["field.intervention"]._cron_send_reminders()
        self.assertEqual(len(self._mails(intervention)), 1)
        self.assertFalse(intervention.reminder_second_sent)
        late = self._intervention(start=self.now + timedelta(days=10))
        self.env["field.intervention"]._cron_send_reminders()
        self.assertEqual(len(self._mails(late)), 1, "only the second reminder when the first is overdue")
        self.assertTrue(late.reminder_first_sent and late.reminder_second_sent)

    def test_moving_the_date_rearms(self):
        intervention = self._intervention(start=self.now + timedelta(days=5))
        self.env["field.intervention"]._cron_send_reminders()
        self.assertEqual(len(self._mails(intervention)), 1)
        intervention.date_end = intervention.date_end + timedelta(hours=1)  # same start: still sent
        self.assertTrue(intervention.reminder_second_sent)
        intervention.write(
            {"date_start": self.now + timedelta(days=6), "date_end": self.now + timedelta(days=6, hours=2)}
        )
        self.assertFalse(intervention.reminder_first_sent or intervention.reminder_second_sent)
        self.env["field.intervention"]._cron_send_reminders()
        self.assertEqual(len(self._mails(intervention)), 2)

    def test_cancelled_or_started_not_reminded(self):
        cancelled = self._intervention(start=self.now + timedelta(days=5))
        cancelled.action_cancel()
        self.env["field.intervention"]._cron_send_reminders()
        self.assertFalse(self._mails(cancelled))

    def test_batches_and_failing_record(self):
        interventions = self.env["field.intervention"]
        for day in range(1, 6):
            interventions |= self._intervention(start=self.now + timedelta(days=day))
        broken = interventions[2]
        Model = self.registry["field.intervention"]
        prepare = Model._prepare_reminder_mail_values

        def prepare_or_fail(record, recipients):
            # One record whose e-mail cannot be built (e.g. a broken template for its language).
            if record == broken:
                raise ValueError("cannot render")
            return prepare(record, recipients)

        Model._prepare_reminder_mail_values = prepare_or_fail
        try:
            with mute_logger("odoo.addons.field_interventions.models.field_intervention"):
                self.env["field.intervention"]._cron_send_reminders(batch_size=2)
        finally:
            Model._prepare_reminder_mail_values = prepare
        for intervention in interventions - broken:
            self.assertEqual(len(self._mails(intervention)), 1, intervention.name)
        self.assertFalse(self._mails(broken))
        self.assertFalse(broken.reminder_second_sent, "retried at the next run")
        self.env["field.intervention"]._cron_send_reminders(batch_size=2)
        self.assertEqual(len(self._mails(broken)), 1)
        self.assertEqual(len(self._mails(interventions)), 5)

    def test_batch_queries_flat(self):
        """A cron batch costs the same queries with 10 or 1,000 interventions due."""
        Intervention = self.env["field.intervention"]

        def make(count):
            return Intervention.create(
                [
                    {
                        "partner_id": self.customer_a.id,
                        "site_id": self.site_a.id,
                        "date_start": self.now + timedelta(days=3, minutes=i),
                        "date_end": self.now + timedelta(days=3, minutes=i, hours=1),
                    }
                    for i in range(count)
                ]
            )

        def first_batch():
            # This test's interventions only (the database may hold others, e.g. demo data).
            return Intervention.search(
                Intervention._get_reminder_domain(self.now) + [("partner_id", "=", self.customer_a.id)],
                limit=REMINDER_BATCH_SIZE,
            )

        make(3)._send_reminders(self.now)  # warm the caches (template, rules)
        make(10)
        batch = first_batch()
        self.assertEqual(len(batch), 10)
        self.env.invalidate_all()
        count0 = self.cr.sql_log_count
        batch._send_reminders(self.now)
        self.env.flush_all()
        queries_10 = self.cr.sql_log_count - count0

        large = make(1000)
        batch = first_batch()
        self.assertEqual(len(batch), REMINDER_BATCH_SIZE)
        self.env.invalidate_all()
        with self.assertQueryCount(queries_10):
            batch._send_reminders(self.now)
        # The cron goes through the remaining batches, each intervention reminded once.
        Intervention._cron_send_reminders()
        self.assertEqual(len(self._mails(large)), 1000)
        self.assertTrue(all(large.mapped("reminder_second_sent")))

    def test_private_customer_reminded(self):
        person = self.env["res.partner"].create({"name": "Paola Privata", "email": "paola@x.test"})
        person.write({"portal_reserved_area": True, "intervention_reminder": True})  # invited: a portal user
        self.assertTrue(person.user_ids._is_portal())
        site = self.env["res.partner"].create(
            {"name": "Casa al mare", "parent_id": person.id, "type": "other"}
        )
        intervention = self._intervention(customer=person, site=site, start=self.now + timedelta(days=3))
        self.env["field.intervention"]._cron_send_reminders()
        self.assertEqual(self._mails(intervention).recipient_ids, person)
