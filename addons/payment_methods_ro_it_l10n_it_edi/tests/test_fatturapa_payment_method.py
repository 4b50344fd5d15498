import base64

from lxml import etree

from odoo import Command
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.customer_portal_base.tests.common import TEST_CONTEXT
from odoo.addons.payment_methods_ro_it.tests.common import register_payment
from odoo.tests import tagged
from odoo.tools.misc import file_open


@tagged("post_install", "-at_install")
class TestFatturapaPaymentMethod(AccountTestInvoicingCommon):
    """The FatturaPA of an Italian company's invoice on Odoo's Italian chart carries the method agreed
    with the customer, or the one the invoice was paid with."""

    @classmethod
    @AccountTestInvoicingCommon.setup_country("it")
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **TEST_CONTEXT))
        cls.company = cls.company_data["company"]
        cls.company.write(
            {
                "name": "Impianti Adriatici S.r.l.",
                "vat": "IT01234560157",
                "l10n_it_codice_fiscale": "01234560157",
                "l10n_it_tax_system": "RF01",
                "street": "Via Emilia 12",
                "zip": "40121",
                "city": "Bologna",
                "phone": "0516480000",
                "email": "amministrazione@impianti-adriatici.example",
            }
        )
        # A valid IBAN: the suite validates them (base_iban).
        cls.test_bank = cls.env["res.partner.bank"].create(
            {
                "partner_id": cls.company.partner_id.id,
                "acc_number": "IT60X0542811101000000123456",
                "allow_out_payment": True,
            }
        )
        # Odoo posts an Italian e-invoice only with an SdI proxy user (as in l10n_it_edi's own tests).
        key = cls.env["certificate.key"].create(
            {
                "name": "IT test key",
                "content": base64.b64encode(file_open("l10n_it_edi/data/pkey.key", "rb").read()),
            }
        )
        cls.env["account_edi_proxy_client.user"].create(
            {
                "proxy_type": "l10n_it_edi",
                "id_client": "suite_l10n_it_edi_test",
                "company_id": cls.company.id,
                "edi_identification": "suite_l10n_it_edi_test",
                "private_key_id": key.id,
            }
        )
        cls.default_tax = cls.company.account_sale_tax_id
        cls.italian_partner_a = cls.env["res.partner"].create(
            {
                "name": "Termotecnica Rossi S.p.A.",
                "vat": "IT00465840031",
                "l10n_it_codice_fiscale": "93026890017",
                "country_id": cls.env.ref("base.it").id,
                "street": "Via Privata Alessi 6",
                "zip": "28887",
                "city": "Milano",
                "is_company": True,
                "invoice_edi_format": "it_edi_xml",
            }
        )
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
        self.assertEqual(self.company.currency_id.name, "EUR")
        self.assertEqual(self.default_tax.amount, 22)
        self.assertEqual(
            [
                m.l10n_it_payment_method
                for m in (self.method_bank, self.method_cash, self.method_card, self.method_pos)
            ],
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
        register_payment(
            self.env,
            invoice,
            self.method_pos,
            self.company_data["default_journal_bank"],
            pos_transaction_ref="POS-0001",
        )
        self.assertEqual(invoice.collection_method_id, self.method_pos)
        self.assertEqual(self._modalita(invoice), ["MP08"])

    def test_four_ways_of_cash_in_on_the_italian_chart(self):
        bank = self.company_data["default_journal_bank"]
        cash = self.company_data["default_journal_cash"]
        for method, journal, extra, code in (
            (self.method_bank, bank, {"bank_order_ref": "Bonifico 77"}, "MP05"),
            (self.method_cash, cash, {}, "MP01"),
            (self.method_card, bank, {}, "MP08"),
            (self.method_pos, bank, {"pos_transaction_ref": "POS-IT-1"}, "MP08"),
        ):
            with self.subTest(method=method.kind):
                invoice = self._invoice(self.method_bank)
                payment = register_payment(self.env, invoice, method, journal, amount=300.0, **extra)
                self.assertEqual(invoice.payment_state, "partial")
                self.assertEqual(payment.currency_id.name, "EUR")
                self.assertEqual(invoice.collection_method_id, method)
                # An Italian company issues no chitanță, not even for cash.
                self.assertFalse(payment.cash_receipt_ids)
                self.assertEqual(self._modalita(invoice), [code])

    def test_code_set_on_the_method_travels(self):
        self.method_bank.l10n_it_payment_method = "MP12"
        self.assertEqual(self._modalita(self._invoice(self.method_bank)), ["MP12"])

    def test_no_method_keeps_odoo_default(self):
        self.italian_partner_a.collection_method_ids = [Command.clear()]
        invoice = self._invoice(self.env["account.collection.method"])
        self.assertFalse(invoice.collection_method_id)
        self.assertEqual(self._modalita(invoice), ["MP05"])
