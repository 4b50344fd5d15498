from lxml import etree

from odoo import Command
from odoo.tests import Form, tagged

from odoo.addons.customer_portal_base.tests.common import TEST_CONTEXT
from odoo.addons.l10n_it_edi.tests.common import TestItEdi


@tagged("post_install", "-at_install")
class TestFatturapaPaymentMethod(TestItEdi):
    """The FatturaPA of an Italian company's invoice on Odoo's Italian chart carries the method agreed
    with the customer, or the one the invoice was paid with."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **TEST_CONTEXT))
        cls.method_bank = cls.env.ref("payment_methods_ro_it.collection_method_bank_order")
        cls.method_cash = cls.env.ref("payment_methods_ro_it.collection_method_cash")
        cls.method_card = cls.env.ref("payment_methods_ro_it.collection_method_card")
        cls.method_pos = cls.env.ref("payment_methods_ro_it.collection_method_pos")
        cls.italian_partner_a.collection_method_ids = [
            Command.set((cls.method_bank | cls.method_cash | cls.method_card | cls.method_pos).ids)
        ]

    def _invoice(self, method, post=True):
        self.italian_partner_a.default_collection_method_id = method
        invoice = (
            self.env["account.move"]
            .with_company(self.company)
            .create(
                {
                    "move_type": "out_invoice",
                    "invoice_date": "2026-11-02",
                    "invoice_date_due": "2026-12-02",
                    "partner_id": self.italian_partner_a.id,
                    "partner_bank_id": self.test_bank.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "name": "Manutenzione impianto",
                                "price_unit": 500.0,
                                "tax_ids": [Command.set(self.default_tax.ids)],
                            }
                        )
                    ],
                }
            )
        )
        if post:
            invoice.action_post()
        return invoice

    def _modalita(self, invoice):
        tree = etree.fromstring(invoice._l10n_it_edi_render_xml())
        return tree.xpath("//DatiPagamento/DettaglioPagamento/ModalitaPagamento/text()")

    def test_codes_shown_on_the_methods(self):
        self.assertEqual(
            [m.l10n_it_payment_method for m in (self.method_bank, self.method_cash, self.method_card, self.method_pos)],
            ["MP05", "MP01", "MP08", "MP08"],
        )

    def test_bank_transfer_customer_gets_mp05(self):
        invoice = self._invoice(self.method_bank)
        self.assertEqual(invoice.collection_method_id, self.method_bank)
        self.assertEqual(invoice.l10n_it_payment_method, "MP05")
        self.assertEqual(self._modalita(invoice), ["MP05"])

    def test_agreed_cash_and_card_change_the_code(self):
        self.assertEqual(self._modalita(self._invoice(self.method_cash)), ["MP01"])
        self.assertEqual(self._modalita(self._invoice(self.method_card)), ["MP08"])

    def test_method_of_the_payment_wins(self):
        invoice = self._invoice(self.method_bank)
        wizard = Form(
            self.env["account.payment.register"]
            .with_company(self.company)
            .with_context(active_model="account.move", active_ids=invoice.ids)
        )
        wizard.collection_method_id = self.method_pos
        wizard.journal_id = self.company_data_2["default_journal_bank"]
        wizard.pos_transaction_ref = "POS-0001"
        wizard.save()._create_payments()
        self.assertEqual(invoice.collection_method_id, self.method_pos)
        self.assertEqual(self._modalita(invoice), ["MP08"])

    def test_code_set_on_the_method_travels(self):
        self.method_bank.l10n_it_payment_method = "MP12"
        self.assertEqual(self._modalita(self._invoice(self.method_bank)), ["MP12"])

    def test_no_method_keeps_odoo_default(self):
        self.italian_partner_a.collection_method_ids = [Command.clear()]
        invoice = self._invoice(self.env["account.collection.method"])
        self.assertFalse(invoice.collection_method_id)
        self.assertEqual(self._modalita(invoice), ["MP05"])
