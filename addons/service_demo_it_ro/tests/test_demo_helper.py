from odoo.tests import tagged

from .common import CountryFlowMixin, ItalianChart, RomanianChart


class DemoHelperFlow(CountryFlowMixin):
    """service.demo.it.ro._register_payment, the demo's one piece of code, on a real chart."""

    def _collect(self, invoice, method, amount):
        return self.env["service.demo.it.ro"]._register_payment(invoice.id, method.id, amount)

    def test_partial_payment_through_the_wizard(self):
        invoice = self._overdue_invoice(self.customer, 1000.0)
        payment = self.env["service.demo.it.ro"]._register_payment(
            invoice.id,
            self.method_bank.id,
            300.0,
            {"bank_order_ref": "OP 12"},
            "service_demo_it_ro.test_payment",
        )
        self.assertEqual(payment.journal_id, self.bank_journal)
        self.assertEqual((payment.amount, payment.collection_method_id), (300.0, self.method_bank))
        self.assertEqual(payment.bank_order_ref, "OP 12")
        self.assertEqual(invoice.payment_state, "partial")
        self.assertEqual(invoice.amount_residual, 700.0 + self._tax(1000.0))
        self.assertEqual(self.env.ref("service_demo_it_ro.test_payment"), payment)

    def test_cash_goes_to_the_cash_desk(self):
        invoice = self._overdue_invoice(self.customer, 100.0)
        payment = self._collect(invoice, self.method_cash, 50.0)
        self.assertEqual(payment.journal_id.type, "cash")
        self.assertEqual(payment.journal_id.company_id, self.company)
        self._check_cash_receipt(payment)


@tagged("post_install", "-at_install")
class TestDemoHelperItaly(DemoHelperFlow, ItalianChart):
    def _check_cash_receipt(self, payment):
        # Italy: no chitanță, the receipt is printed on request.
        self.assertFalse(payment.cash_receipt_ids)


@tagged("post_install", "-at_install")
class TestDemoHelperRomania(DemoHelperFlow, RomanianChart):
    def _check_cash_receipt(self, payment):
        # Romania: the cash of a company customer issues a chitanță, amount in Romanian words.
        receipt = payment.cash_receipt_id
        self.assertTrue(receipt.number)
        self.assertEqual((receipt.amount, receipt.partner_id), (50.0, self.customer))
        self.assertEqual(receipt.series, payment.journal_id.code)
