from dateutil.relativedelta import relativedelta

from odoo.tests import tagged

from .common import CountryFlowMixin, ItalianChart, RomanianChart


class ContractBillingFlow(CountryFlowMixin):
    """A monthly contract, signed, billed by the periodic billing into an invoice of the company's chart."""

    def test_monthly_contract_billed_with_the_country_tax(self):
        contract = self._signed_monthly_contract(quantity=2.0)
        self.assertEqual(contract.state, "signed")
        self.assertEqual(contract.line_ids.tax_ids, self.sale_tax)
        self.assertEqual(contract.amount_total, 200.0 + self._tax(200.0))

        # What the billing cron does for each contract of a batch.
        contract._bill_due_periods()
        invoice = contract.invoice_ids
        self.assertEqual(len(invoice), 1)
        self.assertEqual(invoice.company_id, self.company)
        self.assertEqual(invoice.currency_id.name, self.CURRENCY)
        self.assertEqual(invoice.journal_id.type, "sale")
        self.assertEqual(invoice.invoice_line_ids.tax_ids, self.sale_tax)
        self.assertEqual(invoice.customer_contract_period_date, self.today)
        self.assertEqual((invoice.amount_untaxed, invoice.amount_tax), (200.0, self._tax(200.0)))
        self.assertEqual(contract.next_billing_date, self.today + relativedelta(months=1))

        invoice.action_post()
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.amount_residual, 200.0 + self._tax(200.0))

        # Billed once per period: the billing cron finds it again next month only.
        Contract = self.env["customer.contract"]
        self.assertNotIn(contract, Contract.search(Contract._get_billing_domain()))
        self.assertIn(contract, Contract.search(Contract._get_billing_domain(contract.next_billing_date)))

    def test_company_posts_the_invoices_it_bills(self):
        self.company.contract_invoice_post = True
        contract = self._signed_monthly_contract(quantity=1.0)
        contract._bill_due_periods()
        self.assertEqual(contract.invoice_ids.state, "posted")
        self.assertEqual(contract.invoice_ids.amount_total, 100.0 + self._tax(100.0))


@tagged("post_install", "-at_install")
class TestContractBillingItaly(ContractBillingFlow, ItalianChart):
    pass


@tagged("post_install", "-at_install")
class TestContractBillingRomania(ContractBillingFlow, RomanianChart):
    pass
