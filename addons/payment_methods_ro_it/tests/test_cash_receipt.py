from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CollectionCommon


@tagged("post_install", "-at_install")
class TestCashReceipt(CollectionCommon):
    def _cash(self, partner, amount=100.0, **values):
        invoice = self._invoice(partner, amount)
        return invoice, self._register(invoice, self.method_cash, self.cash_journal, **values)

    def test_company_customer_gets_numbered_receipts_without_gap(self):
        invoice, first = self._cash(self.customer, 120.0)
        _invoice2, second = self._cash(self.customer, 30.0)
        receipt = first.cash_receipt_id
        self.assertTrue(receipt)
        self.assertEqual(receipt.journal_id, self.cash_journal)
        self.assertEqual(receipt.series, self.cash_journal.l10n_ro_cash_receipt_series)
        self.assertEqual(receipt.series, self.cash_journal.code, "the journal's code until told otherwise")
        self.assertEqual(receipt.amount, 120.0)
        self.assertEqual(receipt.partner_id, self.customer)
        self.assertEqual(receipt.cashier_id, self.env.user)
        self.assertEqual(receipt.invoice_ref, invoice.name)
        self.assertEqual(int(second.cash_receipt_id.number), int(receipt.number) + 1)
        self.assertEqual(invoice.matched_payment_ids.cash_receipt_id, receipt)

    def test_individual_gets_receipt_only_on_request(self):
        _invoice, payment = self._cash(self.individual)
        self.assertFalse(payment.cash_receipt_ids)
        _invoice, payment = self._cash(self.individual, cash_receipt_requested=True)
        self.assertTrue(payment.cash_receipt_id)

    def test_cancel_keeps_number_and_never_reuses_it(self):
        _invoice, payment = self._cash(self.customer)
        receipt = payment.cash_receipt_id
        number = receipt.number
        payment.action_draft()
        self.assertEqual(receipt.state, "cancel")
        payment.action_post()
        reposted = payment.cash_receipt_id
        self.assertEqual(int(reposted.number), int(number) + 1, "a re-posted payment gets a new number")
        payment.action_cancel()
        self.assertEqual((receipt.state, reposted.state), ("cancel", "cancel"))
        self.assertEqual(receipt.number, number)
        self.assertFalse(payment.cash_receipt_id)
        _invoice, other = self._cash(self.customer)
        self.assertEqual(int(other.cash_receipt_id.number), int(number) + 2)
        self.assertEqual(payment.cash_receipt_ids, receipt | reposted)
        with self.assertRaises(AccessError):
            receipt.unlink()
        with self.assertRaisesRegex(UserError, "never deleted"):
            receipt.sudo().unlink()
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            receipt.number = number

    def test_receipt_cancelled_however_the_payment_is_undone(self):
        """Not only the payment's buttons: the journal entry's buttons and a write of the payment's state
        cancel the receipt too, so no valid receipt is left for a cancelled or changed payment."""
        undo = {
            "journal entry reset to draft": lambda p: p.move_id.button_draft(),
            "journal entry cancelled": lambda p: p.move_id.button_cancel(),
            "state written cancelled": lambda p: p.write({"state": "canceled"}),
            "state written rejected": lambda p: p.write({"state": "rejected"}),
            "state written draft": lambda p: p.write({"state": "draft"}),
        }
        for how, action in undo.items():
            with self.subTest(how=how):
                _invoice, payment = self._cash(self.customer)
                receipt = payment.cash_receipt_id
                self.assertEqual(receipt.state, "valid")
                action(payment.with_user(self.billing_user))
                self.assertEqual(receipt.state, "cancel")
                self.assertTrue(receipt.cancel_reason)
                self.assertFalse(payment.cash_receipt_id)
        # The payment's own buttons still give their reason.
        _invoice, payment = self._cash(self.customer)
        receipt = payment.cash_receipt_id
        payment.with_user(self.billing_user).action_cancel()
        self.assertEqual(receipt.state, "cancel")
        self.assertIn("cancelled", receipt.cancel_reason)

    def test_receipt_report_in_romanian_and_italian(self):
        for code in ("ro_RO", "it_IT"):
            self.env["res.lang"]._activate_lang(code)
        self.env["ir.module.module"]._load_module_terms(
            ["payment_methods_ro_it"], ["ro_RO", "it_IT"], overwrite=True
        )
        _invoice, payment = self._cash(self.customer, 100.0)
        receipt = payment.cash_receipt_id
        report = self.env["ir.actions.report"]
        html_ro, html_it = (
            report._render_qweb_html(f"payment_methods_ro_it.report_cash_receipt_{code}", receipt.ids)[
                0
            ].decode()
            for code in ("ro", "it")
        )
        for html in (html_ro, html_it):
            self.assertIn(receipt.number, html)
            self.assertIn(self.customer.name, html)
        self.assertTrue("Chitanță" in html_ro and "o sută" in html_ro.lower(), "Romanian labels and words")
        self.assertTrue(
            "Ricevuta di cassa" in html_it and "cento" in html_it.lower(), "Italian labels and words"
        )
        # wkhtmltopdf fetches the report's assets from the server: that request must share the test's
        # cursor, or it waits for the lock the test runner holds.
        with self.allow_pdf_render():
            pdf, report_format = report.with_context(force_report_rendering=True)._render_qweb_pdf(
                "payment_methods_ro_it.action_report_cash_receipt_ro", receipt.ids
            )
        self.assertEqual(report_format, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
