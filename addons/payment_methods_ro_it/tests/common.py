from odoo.addons.account.tests.common import AccountTestInvoicingCommon
from odoo.addons.customer_portal_base.tests.common import TEST_CONTEXT
from odoo.tests import Form, new_test_user


def register_payment(env, invoices, method, journal, **values):
    """Register a payment through the real wizard form, as a user does (also used by the bridges' tests)."""
    wizard_form = Form(
        env["account.payment.register"].with_context(active_model="account.move", active_ids=invoices.ids)
    )
    wizard_form.collection_method_id = method
    wizard_form.journal_id = journal
    for name, value in values.items():
        setattr(wizard_form, name, value)
    return wizard_form.save()._create_payments()


class CollectionCommon(AccountTestInvoicingCommon):
    """A Romanian accounting company (the chitanță rules apply to Romanian companies only; the demo
    company is American) with its journals, a company customer, an individual and a billing user."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **TEST_CONTEXT))
        cls.company = cls.env.company
        cls.change_company_country(cls.company, cls.env.ref("base.ro"))
        cls.bank_journal = cls.company_data["default_journal_bank"]
        cls.cash_journal = cls.company_data["default_journal_cash"]
        cls.method_bank = cls.env.ref("payment_methods_ro_it.collection_method_bank_order")
        cls.method_cash = cls.env.ref("payment_methods_ro_it.collection_method_cash")
        cls.method_card = cls.env.ref("payment_methods_ro_it.collection_method_card")
        cls.method_pos = cls.env.ref("payment_methods_ro_it.collection_method_pos")
        cls.customer = cls.env["res.partner"].create(
            {"name": "Acme Servicii SRL", "is_company": True, "email": "acme@example.com"}
        )
        cls.individual = cls.env["res.partner"].create(
            {"name": "Ion Popescu", "is_company": False, "email": "ion@example.com"}
        )
        cls.billing_user = new_test_user(
            cls.env,
            login="pm_billing",
            groups="account.group_account_invoice",
            company_id=cls.company.id,
            company_ids=[cls.company.id],
        )

    @classmethod
    def _invoice(cls, partner, amount=100.0, post=True, invoice_date=None):
        """An invoice due on its date (no payment term), dated 2019-01-01 unless told."""
        invoice = cls.init_invoice(
            "out_invoice", partner=partner, amounts=[amount], taxes=[], invoice_date=invoice_date
        )
        invoice.invoice_date_due = invoice.invoice_date
        if post:
            invoice.action_post()
        return invoice

    def _register(self, invoices, method, journal=None, **values):
        return register_payment(self.env, invoices, method, journal or self.bank_journal, **values)
