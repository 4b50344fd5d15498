from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import CollectionCommon


@tagged("post_install", "-at_install")
class TestCollection(CollectionCommon):
    def test_bank_order_from_wizard_shown_on_payment_and_invoice(self):
        invoice = self._invoice(self.customer, 250.0)
        received = fields.Date.today() - timedelta(days=2)
        payment = self._register(
            invoice, self.method_bank, bank_order_date=received, bank_order_ref="OP 4711"
        )
        self.assertEqual(payment.collection_method_id, self.method_bank)
        self.assertEqual(payment.collection_kind, "bank_order")
        self.assertEqual((payment.bank_order_date, payment.bank_order_ref), (received, "OP 4711"))
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(invoice.matched_payment_ids, payment)
        self.assertEqual(invoice.matched_payment_ids.bank_order_ref, "OP 4711")
        self.assertEqual(invoice.collection_method_id, self.method_bank)
        grouped = self.env["account.move"]._read_group(
            [("id", "=", invoice.id)], ["collection_method_id"], ["__count"]
        )
        self.assertEqual(grouped, [(self.method_bank, 1)])

    def test_each_method_from_wizard(self):
        for method, journal, extra in (
            (self.method_bank, self.bank_journal, {"bank_order_ref": "OP 1"}),
            (self.method_cash, self.cash_journal, {}),
            (self.method_card, self.bank_journal, {}),
            (
                self.method_pos,
                self.bank_journal,
                {"pos_transaction_ref": "T-1", "pos_date": fields.Date.today()},
            ),
        ):
            with self.subTest(method=method.kind):
                invoice = self._invoice(self.customer, 80.0)
                payment = self._register(invoice, method, journal, **extra)
                self.assertEqual(payment.collection_method_id, method)
                self.assertEqual(payment.state, "paid" if journal == self.cash_journal else payment.state)
                self.assertIn(invoice.payment_state, ("paid", "in_payment"))
                self.assertEqual(invoice.collection_method_id, method)
                payments = self.env["account.payment"].search([("collection_kind", "=", method.kind)])
                self.assertIn(payment, payments)

    def test_each_method_from_payment_form(self):
        for method, journal, extra in (
            (self.method_bank, self.bank_journal, {"bank_order_ref": "OP 2"}),
            (self.method_cash, self.cash_journal, {}),
            (self.method_card, self.bank_journal, {}),
            (self.method_pos, self.bank_journal, {"pos_transaction_ref": "T-2"}),
        ):
            with self.subTest(method=method.kind):
                payment_form = Form(
                    self.env["account.payment"].with_context(
                        default_payment_type="inbound", default_partner_type="customer"
                    )
                )
                payment_form.partner_id = self.customer
                payment_form.amount = 40.0
                payment_form.journal_id = journal
                payment_form.collection_method_id = method
                for name, value in extra.items():
                    setattr(payment_form, name, value)
                payment = payment_form.save()
                payment.action_post()
                self.assertEqual(payment.collection_kind, method.kind)
                self.assertEqual(bool(payment.cash_receipt_id), method.kind == "cash")

    def test_pos_transaction_unique_per_journal(self):
        first, second, third = (self._invoice(self.customer, 50.0) for _i in range(3))
        self._register(first, self.method_pos, pos_transaction_ref="TRX-9", pos_date=fields.Date.today())
        with self.assertRaisesRegex(ValidationError, "TRX-9 is already recorded"):
            self._register(second, self.method_pos, pos_transaction_ref="TRX-9")
        self.assertEqual(second.payment_state, "not_paid")
        self.assertFalse(second.matched_payment_ids)
        other_journal = self.bank_journal.copy({"name": "Second Bank", "code": "BNK2"})
        payment = self._register(third, self.method_pos, other_journal, pos_transaction_ref="TRX-9")
        self.assertEqual(payment.pos_transaction_ref, "TRX-9")

    def test_pos_needs_transaction_number(self):
        invoice = self._invoice(self.customer, 50.0)
        wizard = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .new({"collection_method_id": self.method_pos.id, "journal_id": self.bank_journal.id})
        )
        with self.assertRaisesRegex(ValidationError, "transaction number"):
            wizard._check_collection_details()

    def test_future_date_and_negative_amount_rejected(self):
        invoice = self._invoice(self.customer, 60.0)
        with self.assertRaisesRegex(ValidationError, "more than one day in the future"):
            self._register(invoice, self.method_bank, payment_date=fields.Date.today() + timedelta(days=2))
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._register(invoice, self.method_bank, amount=-5.0)
        self.assertEqual(invoice.payment_state, "not_paid")
        # Tomorrow is still fine (a bank order announced for the next day).
        payment = self._register(
            invoice, self.method_bank, payment_date=fields.Date.today() + timedelta(days=1)
        )
        self.assertTrue(payment)
        with self.assertRaisesRegex(ValidationError, "more than one day in the future"):
            payment.write({"date": fields.Date.today() + timedelta(days=5)})
        # A payment to a supplier may be planned ahead.
        vendor_payment = self.env["account.payment"].create(
            {
                "payment_type": "outbound",
                "partner_type": "supplier",
                "partner_id": self.customer.id,
                "amount": 10.0,
                "journal_id": self.bank_journal.id,
                "date": fields.Date.today() + timedelta(days=30),
            }
        )
        self.assertEqual(vendor_payment.date, fields.Date.today() + timedelta(days=30))

    def test_customer_default_method_on_new_invoices(self):
        self.customer.write(
            {
                "collection_method_ids": [(6, 0, (self.method_bank | self.method_cash).ids)],
                "default_collection_method_id": self.method_cash.id,
            }
        )
        invoice = self._invoice(self.customer, 10.0, post=False)
        self.assertEqual(invoice.collection_method_id, self.method_cash)
        invoice.action_post()
        wizard_form = Form(
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            )
        )
        self.assertEqual(wizard_form.collection_method_id, self.method_cash)
        # Created and posted in one go (an import, a contract's billing): the method is there too.
        direct = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_line_ids": [(0, 0, {"name": "Assistance", "price_unit": 30.0, "tax_ids": []})],
            }
        )
        direct.action_post()
        self.assertEqual(direct.collection_method_id, self.method_cash)

    def _second_inbound_line(self, journal):
        method = (
            self.env["account.payment.method"]
            .sudo()
            .create({"name": "Treasury order", "code": "suite_treasury_order", "payment_type": "inbound"})
        )
        return self.env["account.payment.method.line"].create(
            {"name": "Treasury order", "payment_method_id": method.id, "journal_id": journal.id}
        )

    def test_method_maps_onto_odoo_payment_method_line(self):
        treasury = self._second_inbound_line(self.bank_journal)
        self.assertNotEqual(self.bank_journal.inbound_payment_method_line_ids[:1], treasury)
        self.method_bank.write({"journal_id": self.bank_journal.id, "payment_method_line_id": treasury.id})
        self.customer.write(
            {
                "collection_method_ids": [(6, 0, self.method_bank.ids)],
                "default_collection_method_id": self.method_bank.id,
            }
        )
        invoice = self._invoice(self.customer, 40.0)
        # Odoo's own field: what Register Payment and the invoice's payment details propose.
        self.assertEqual(invoice.preferred_payment_method_line_id, treasury)
        wizard = Form(
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            )
        )
        self.assertEqual(wizard.journal_id, self.bank_journal)
        self.assertEqual(wizard.payment_method_line_id, treasury)
        payment = wizard.save()._create_payments()
        self.assertEqual(payment.payment_method_line_id, treasury)
        # The payment form follows the method too.
        payment_form = Form(
            self.env["account.payment"].with_context(
                default_payment_type="inbound", default_partner_type="customer"
            )
        )
        payment_form.partner_id = self.customer
        payment_form.amount = 5.0
        payment_form.collection_method_id = self.method_bank
        self.assertEqual(payment_form.payment_method_line_id, treasury)
        # Another customer without the method keeps Odoo's own choice.
        other = self._invoice(self.individual, 10.0)
        self.assertNotEqual(other.preferred_payment_method_line_id, treasury)

    def test_method_line_must_belong_to_its_journal(self):
        cash_line = self.cash_journal.inbound_payment_method_line_ids[:1]
        with self.assertRaisesRegex(ValidationError, "belongs to the journal"):
            self.method_bank.write(
                {"journal_id": self.bank_journal.id, "payment_method_line_id": cash_line.id}
            )

    def test_default_method_must_be_agreed(self):
        with self.assertRaisesRegex(ValidationError, "must be one of the agreed methods"):
            self.customer.write(
                {
                    "collection_method_ids": [(6, 0, self.method_bank.ids)],
                    "default_collection_method_id": self.method_pos.id,
                }
            )

    def test_partner_bank_iban_validated(self):
        bank = self.env["res.partner.bank"].create(
            {"partner_id": self.customer.id, "acc_number": "RO49 AAAA 1B31 0075 9384 0000"}
        )
        self.assertEqual(bank.acc_type, "iban")
        with self.assertRaisesRegex(ValidationError, "IBAN"):
            self.env["res.partner.bank"].create(
                {"partner_id": self.customer.id, "acc_number": "RO49 AAAA 1B31 0075 9384 0001"}
            )
        # A national account number that is not an IBAN is left alone.
        self.env["res.partner.bank"].create({"partner_id": self.customer.id, "acc_number": "000123456"})
