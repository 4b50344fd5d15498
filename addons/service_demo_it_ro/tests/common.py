from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.customer_portal_base.tests.common import TEST_CONTEXT, signature_image_b64


class CountryFlowMixin:
    """What the flow tests share on a company with a real chart of the country (a test class mixes a flow
    with ItalianChart or RomanianChart below): the user's groups, a company customer with a valid VAT
    number, a private customer, a service with the country's sales tax and a cash journal.

    The chart class gives VAT (a valid VAT number of a customer), CURRENCY and SALE_TAX (the rate of the
    chart's default sales tax).
    """

    # The same tests run on each country's class: Odoo's runner then collects the inherited test methods
    # too (by default it only runs those of the class's own __dict__; pytest runs both).
    allow_inherited_tests_method = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **TEST_CONTEXT))
        cls.env.user.group_ids |= cls.env.ref("sales_team.group_sale_manager") | cls.env.ref(
            "account.group_account_manager"
        )
        cls.today = fields.Date.context_today(cls.env.user)
        cls.sale_tax = cls.company_data["default_tax_sale"]
        cls.bank_journal = cls.company_data["default_journal_bank"]
        cls.cash_journal = cls.company_data["default_journal_cash"] or cls.env["account.journal"].create(
            {"name": "Cash", "code": "CSH", "type": "cash", "company_id": cls.company.id}
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Cliente Servizi",
                "is_company": True,
                "vat": cls.VAT,
                "country_id": cls.company.country_id.id,
                "street": "Via Roma 1",
                "city": "Città",
                "zip": "10000",
                "email": "customer@example.com",
            }
        )
        cls.private = cls.env["res.partner"].create(
            {"name": "Private Person", "country_id": cls.company.country_id.id, "email": "p@example.com"}
        )
        cls.service = cls._create_product(name="Plant maintenance", lst_price=100.0, taxes_id=cls.sale_tax)
        cls.method_bank = cls.env.ref("payment_methods_ro_it.collection_method_bank_order")
        cls.method_cash = cls.env.ref("payment_methods_ro_it.collection_method_cash")
        cls.method_card = cls.env.ref("payment_methods_ro_it.collection_method_card")

    def test_chart_of_the_country(self):
        self.assertEqual(self.company.currency_id.name, self.CURRENCY)
        self.assertEqual(self.company.chart_template, self.country_code.lower())
        self.assertEqual((self.sale_tax.amount_type, self.sale_tax.amount), ("percent", self.SALE_TAX))

    @classmethod
    def _signed_monthly_contract(cls, quantity=2.0):
        contract = cls.env["customer.contract"].create(
            {
                "title": "Monthly maintenance",
                "kind": "hardware",
                "partner_id": cls.customer.id,
                "start_date": cls.today,
                "billing_period": "monthly",
                "next_billing_date": cls.today,
                "line_ids": [Command.create({"product_id": cls.service.id, "quantity": quantity})],
            }
        )
        contract._send_for_signature()
        contract._sign("Mario Rossi", signature_image_b64())
        return contract

    @classmethod
    def _overdue_invoice(cls, partner, amount, days=40):
        """A posted invoice of `amount` plus the country's sales tax, due on its date `days` ago."""
        invoice = cls.init_invoice(
            "out_invoice",
            partner=partner,
            amounts=[amount],
            taxes=cls.sale_tax,
            invoice_date=cls.today - relativedelta(days=days),
        )
        invoice.invoice_date_due = invoice.invoice_date
        invoice.action_post()
        return invoice

    def _tax(self, amount):
        return self.company.currency_id.round(amount * self.SALE_TAX / 100)


class ItalianChart(AccountTestInvoicingCommon):
    """An Italian company with the chart of l10n_it: mixed with a flow class into a test class."""

    VAT = "IT02987650161"
    CURRENCY = "EUR"
    SALE_TAX = 22.0

    @classmethod
    @AccountTestInvoicingCommon.setup_country("it")
    def setUpClass(cls):
        super().setUpClass()


class RomanianChart(AccountTestInvoicingCommon):
    """A Romanian company with the chart of l10n_ro: mixed with a flow class into a test class."""

    VAT = "RO18765430"
    CURRENCY = "RON"
    SALE_TAX = 21.0

    @classmethod
    @AccountTestInvoicingCommon.setup_country("ro")
    def setUpClass(cls):
        super().setUpClass()
