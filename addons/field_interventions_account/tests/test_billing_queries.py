from odoo.tests import tagged

from .common import BillingCase


@tagged("post_install", "-at_install")
class TestBillingQueries(BillingCase):
    """Billing a selection costs the same queries for 5 interventions as for 50, besides what Odoo's own
    invoice creation costs per line (it looks up analytic distribution models line by line): measured
    against creating the same invoices directly."""

    def _count(self, function):
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        function()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def _interventions(self, count):
        interventions = self.env["field.intervention"]
        for index in range(count):
            interventions |= self._billable(customer=(self.customer_a, self.customer_b)[index % 2])
        return interventions

    def _overhead(self, count):
        """Queries of billing `count` interventions minus those of creating the same invoices directly."""
        stock_vals = self._interventions(count)._prepare_invoices_values()
        for vals_list in stock_vals.values():
            for vals in vals_list:
                for command in vals["invoice_line_ids"]:
                    command[2].pop("field_intervention_id")
        Move = self.env["account.move"].with_user(self.accountant)
        stock = self._count(
            lambda: [Move.with_company(company).create(vals) for company, vals in stock_vals.items()]
        )
        interventions = self._interventions(count)
        billing = self._count(lambda: interventions.with_user(self.accountant).action_create_invoices())
        self.assertEqual(set(interventions.mapped("billing_state")), {"billed"})
        return billing - stock, billing

    def test_queries_flat_from_5_to_50(self):
        self._overhead(2)  # caches of rules, views and translations
        few, few_total = self._overhead(5)
        many, many_total = self._overhead(50)
        # Flat: 45 more interventions cost no query each. A few queries of slack (not per record): with every
        # addon and the demo installed, other addons' prefetches of the bigger invoices add one or two.
        message = f"billing 5: {few_total} queries ({few} ours), billing 50: {many_total} ({many} ours)"
        self.assertLessEqual(many, few + 3, message)
