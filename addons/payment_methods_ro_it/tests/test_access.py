from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CollectionCommon


@tagged("post_install", "-at_install")
class TestAccess(CollectionCommon):
    """What a billing user (Invoicing: Billing) does day to day, with its own rights."""

    def test_billing_user_records_cash_and_schedules_reminders(self):
        invoice = self._invoice(self.customer, 75.0)
        env = self.env(user=self.billing_user)
        self.env = env
        payment = self._register(invoice.with_env(env), self.method_cash, self.cash_journal.with_env(env))
        receipt = payment.cash_receipt_id
        self.assertEqual(receipt.cashier_id, self.billing_user)
        self.assertEqual(receipt.amount, 75.0)
        other = self._invoice(self.customer, 20.0)
        due = env["account.payment.due"].search([("move_id", "=", other.id)])
        self.assertEqual(due.amount_due, 20.0)
        reminder = env["account.payment.reminder"].create(
            {"move_id": other.id, "scheduled_at": fields.Datetime.now() + timedelta(days=1)}
        )
        self.assertEqual(reminder.partner_id, self.customer)
        figures = env["account.payment.statistics.dashboard"]._get_figures(self.company)
        self.assertEqual(figures["amount_total"], 95.0)
        self.assertTrue(env["account.payment.statistics.report"].search_count([]))

    @mute_logger("odoo.addons.base.models.ir_model")
    def test_billing_user_cannot_change_collection_methods(self):
        methods = self.env["account.collection.method"].with_user(self.billing_user)
        self.assertTrue(methods.search([("kind", "=", "cash")]))
        with self.assertRaises(AccessError):
            methods.create({"name": "Barter", "kind": "cash"})
        with self.assertRaises(AccessError):
            self.method_cash.with_user(self.billing_user).unlink()
