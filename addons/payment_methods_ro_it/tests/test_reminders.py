from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import Form, HttpCase, freeze_time, tagged
from odoo.tools import mute_logger

from .common import CollectionCommon


@tagged("post_install", "-at_install")
class TestReminders(CollectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoice = cls._invoice(cls.customer, 300.0)
        cls.cron = cls.env.ref("payment_methods_ro_it.ir_cron_send_payment_reminders")

    def _schedule(self, due, at):
        """Schedule from the payments-due list, through its button and the reminder form."""
        action = due.action_schedule_reminder()
        reminder_form = Form(self.env["account.payment.reminder"].with_context(**action["context"]))
        reminder_form.scheduled_at = at
        return reminder_form.save()

    def _run_cron(self):
        with self.enter_registry_test_mode():
            self.cron.method_direct_trigger()

    def _due_of(self, record):
        field = "move_id" if record._name == "account.move" else "expected_payment_id"
        return self.env["account.payment.due"].search([(field, "=", record.id)])

    def _reminder_mails(self):
        return self.env["mail.mail"].search([("model", "=", "account.payment.reminder")])

    def test_reminder_sent_once_at_its_time(self):
        at = fields.Datetime.now() + timedelta(hours=2)
        reminder = self._schedule(self._due_of(self.invoice), at)
        self.assertEqual(reminder.partner_id, self.customer)
        self._run_cron()
        self.assertEqual(reminder.state, "scheduled")
        self.assertFalse(self._reminder_mails().filtered(lambda m: m.res_id == reminder.id))
        with freeze_time(at + timedelta(minutes=1)):
            self._run_cron()
            self._run_cron()
        self.assertEqual(reminder.state, "sent")
        mails = self._reminder_mails().filtered(lambda m: m.res_id == reminder.id)
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails.recipient_ids, self.customer)
        self.assertIn(self.invoice.name, mails.body_html)
        self.assertIn("300", mails.body_html)
        self.assertIn(self.invoice.get_portal_url().split("?")[0], mails.body_html)
        notes = self.invoice.message_ids.filtered(lambda m: "Payment reminder e-mailed" in (m.body or ""))
        self.assertEqual(len(notes), 1)

    def test_reminder_not_sent_for_invoice_paid_meanwhile(self):
        at = fields.Datetime.now() + timedelta(hours=1)
        reminder = self._schedule(self._due_of(self.invoice), at)
        self._register(self.invoice, self.method_bank, bank_order_ref="OP 7")
        self.assertFalse(self._due_of(self.invoice), "a paid invoice leaves the payments-due list")
        with freeze_time(at + timedelta(minutes=1)):
            self._run_cron()
        self.assertEqual(reminder.state, "skipped")
        self.assertFalse(self._reminder_mails().filtered(lambda m: m.res_id == reminder.id))

    @mute_logger("odoo.addons.payment_methods_ro_it.models.account_payment_reminder")
    def test_failed_reminder_marked_with_its_error_others_sent(self):
        at = fields.Datetime.now() + timedelta(hours=1)
        reminder = self._schedule(self._due_of(self.invoice), at)
        other = self._schedule(self._due_of(self._invoice(self.individual, 50.0)), at)
        Template = type(self.env["mail.template"])
        send_mail = Template.send_mail

        def failing_send_mail(template, res_id, *args, **kwargs):
            if res_id == reminder.id:
                raise ValueError("The customer has no e-mail address.")
            return send_mail(template, res_id, *args, **kwargs)

        with freeze_time(at + timedelta(minutes=1)), patch.object(Template, "send_mail", failing_send_mail):
            self._run_cron()
        self.assertEqual(reminder.state, "failed")
        self.assertIn("no e-mail address", reminder.error)
        self.assertFalse(self._reminder_mails().filtered(lambda m: m.res_id == reminder.id))
        self.assertEqual(other.state, "sent", "one bad reminder does not stop the others")

    def test_reminder_in_the_past_is_refused(self):
        due = self._due_of(self.invoice)
        with self.assertRaisesRegex(ValidationError, "in the past"), self.env.cr.savepoint():
            self._schedule(due, fields.Datetime.now() - timedelta(minutes=5))
        self.assertFalse(self.env["account.payment.reminder"].search([("move_id", "=", self.invoice.id)]))

    def test_expected_payment_listed_and_reminded(self):
        expected = self.env["account.expected.payment"].create(
            {
                "name": "Advance for the yearly contract",
                "partner_id": self.individual.id,
                "amount": 500.0,
                "date_due": fields.Date.today() + timedelta(days=10),
            }
        )
        dues = self.env["account.payment.due"].search(
            [("partner_id", "in", (self.customer | self.individual).ids)]
        )
        self.assertEqual(
            sorted(dues.mapped(lambda d: (d.origin, d.amount_due))), [("expected", 500.0), ("invoice", 300.0)]
        )
        at = fields.Datetime.now() + timedelta(hours=1)
        reminder = self._schedule(self._due_of(expected), at)
        with freeze_time(at + timedelta(minutes=1)):
            self._run_cron()
        self.assertEqual(reminder.state, "sent")
        self.assertIn("Payment reminder e-mailed", expected.message_ids[0].body)
        with self.assertRaisesRegex(ValidationError, "must be positive"):
            expected.amount = -1


@tagged("post_install", "-at_install")
class TestReminderTour(CollectionCommon, HttpCase):
    def test_tour_schedule_reminder_from_payments_due(self):
        invoice = self._invoice(self.customer, 321.0)
        self.start_tour(
            "/odoo/action-payment_methods_ro_it.action_account_payment_due",
            "payment_methods_ro_it_schedule_reminder",
            login=self.billing_user.login,
        )
        reminder = self.env["account.payment.reminder"].search([("move_id", "=", invoice.id)])
        self.assertEqual(reminder.state, "scheduled")
        self.assertEqual(reminder.scheduled_at.year, 2099)
