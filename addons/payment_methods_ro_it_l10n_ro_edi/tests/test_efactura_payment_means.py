from lxml import etree

from odoo import Command
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.customer_portal_base.tests.common import TEST_CONTEXT
from odoo.addons.payment_methods_ro_it.tests.common import register_payment
from odoo.tests import tagged

UBL_NS = {"cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}


@tagged("post_install", "-at_install")
class TestEfacturaPaymentMeans(AccountTestInvoicingCommon):
    """The e-Factura (UBL CIUS-RO) of a Romanian company's invoice on Odoo's Romanian chart carries the
    payment means of the method agreed with the customer, or of the one the invoice was paid with."""

    @classmethod
    @AccountTestInvoicingCommon.setup_country("ro")
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **TEST_CONTEXT))
        cls.company = cls.company_data["company"]
        cls.company.write(
            {
                "name": "Instalații Carpați SRL",
                "state_id": cls.env.ref("base.RO_CJ").id,
                "city": "Cluj-Napoca",
                "zip": "400001",
                "street": "Strada Memorandumului 10",
                "vat": "RO1234567897",
            }
        )
        cls.company_bank = cls.env["res.partner.bank"].create(
            {
                "partner_id": cls.company.partner_id.id,
                "acc_number": "RO76RNCB0082004530120001",
                "allow_out_payment": True,
            }
        )
        cls.method_bank = cls.env.ref("payment_methods_ro_it.collection_method_bank_order")
        cls.method_cash = cls.env.ref("payment_methods_ro_it.collection_method_cash")
        cls.method_card = cls.env.ref("payment_methods_ro_it.collection_method_card")
        cls.method_pos = cls.env.ref("payment_methods_ro_it.collection_method_pos")
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Termo Service Brașov SRL",
                "is_company": True,
                "country_id": cls.env.ref("base.ro").id,
                "state_id": cls.env.ref("base.RO_BV").id,
                "city": "Brașov",
                "zip": "500001",
                "street": "Strada Republicii 5",
                "vat": "RO18547290",
                "invoice_edi_format": "ciusro",
                "collection_method_ids": [
                    Command.set((cls.method_bank | cls.method_cash | cls.method_card | cls.method_pos).ids)
                ],
            }
        )
        # The chart's own default sale tax (TVA 21% since August 2025).
        cls.tax = cls.company.account_sale_tax_id

    def _invoice(self, method):
        self.customer.default_collection_method_id = method
        invoice = self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": self.customer.id,
                "invoice_date": "2026-11-02",
                "invoice_date_due": "2026-12-02",
                "partner_bank_id": self.company_bank.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "Mentenanță centrală termică",
                            "quantity": 1,
                            "price_unit": 1000.0,
                            "tax_ids": [Command.set(self.tax.ids)],
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        return invoice

    def _payment_means(self, invoice):
        xml, errors = self.env["account.edi.xml.ubl_ro"]._export_invoice(invoice)
        self.assertFalse(errors)
        tree = etree.fromstring(xml)
        return [
            (node.text, node.get("name")) for node in tree.xpath("//cbc:PaymentMeansCode", namespaces=UBL_NS)
        ]

    def test_romanian_chart_and_codes_on_the_methods(self):
        self.assertEqual(self.company.currency_id.name, "RON")
        self.assertEqual((self.tax.amount, self.tax.type_tax_use), (21.0, "sale"))
        self.assertEqual(
            [
                m.ubl_payment_means_code
                for m in (self.method_bank, self.method_cash, self.method_card, self.method_pos)
            ],
            ["42", "10", "48", "48"],
        )

    def test_card_customer_gets_48(self):
        self.assertEqual(self._payment_means(self._invoice(self.method_card)), [("48", "Bank card")])

    def test_bank_order_and_cash(self):
        self.assertEqual(
            self._payment_means(self._invoice(self.method_bank)), [("42", "Payment to bank account")]
        )
        self.assertEqual(self._payment_means(self._invoice(self.method_cash)), [("10", "In cash")])

    def test_method_of_the_payment_wins(self):
        invoice = self._invoice(self.method_bank)
        register_payment(self.env, invoice, self.method_cash, self.company_data["default_journal_cash"])
        self.assertEqual(invoice.collection_method_id, self.method_cash)
        # A company customer's cash payment of a Romanian company gets its chitanță as well.
        self.assertTrue(invoice.matched_payment_ids.cash_receipt_id)
        self.assertEqual(self._payment_means(invoice), [("10", "In cash")])

    def test_four_ways_of_cash_in_on_the_romanian_chart(self):
        bank = self.company_data["default_journal_bank"]
        cash = self.company_data["default_journal_cash"]
        for method, journal, extra, code in (
            (self.method_bank, bank, {"bank_order_ref": "OP 118"}, "42"),
            (self.method_cash, cash, {}, "10"),
            (self.method_card, bank, {}, "48"),
            (self.method_pos, bank, {"pos_transaction_ref": "POS-RO-1"}, "48"),
        ):
            with self.subTest(method=method.kind):
                invoice = self._invoice(self.method_bank)
                payment = register_payment(self.env, invoice, method, journal, amount=500.0, **extra)
                self.assertEqual(invoice.payment_state, "partial")
                self.assertEqual(payment.currency_id.name, "RON")
                self.assertEqual(invoice.collection_method_id, method)
                # Only cash from a company customer makes a chitanță, in the cash journal's series.
                self.assertEqual(bool(payment.cash_receipt_id), method == self.method_cash)
                if payment.cash_receipt_id:
                    self.assertEqual(payment.cash_receipt_id.journal_id, cash)
                    self.assertEqual(payment.cash_receipt_id.amount, 500.0)
                self.assertEqual(self._payment_means(invoice)[0][0], code)

    def test_code_set_on_the_method_travels(self):
        self.method_bank.ubl_payment_means_code = "30"
        self.assertEqual(self._payment_means(self._invoice(self.method_bank)), [("30", "Credit transfer")])

    def test_no_method_keeps_odoo_default(self):
        self.customer.collection_method_ids = [Command.clear()]
        invoice = self._invoice(self.env["account.collection.method"])
        self.assertEqual(self._payment_means(invoice), [("30", "credit transfer")])
