from odoo.tests import tagged

from .common import BillingCase


@tagged("post_install", "-at_install")
class TestBillingQueries(BillingCase):
    """Billing a selection costs the same queries for 5 interventions as for 50."""

    def _billing_queries(self, count):
        interventions = self.env["field.intervention"]
        for index in range(count):
            interventions |= self._billable(customer=(self.customer_a, self.customer_b)[index % 2])
        as_accountant = interventions.with_user(self.accountant)
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        as_accountant.action_create_invoices()
        self.env.flush_all()
        queries = self.cr.sql_log_count - before
        self.assertEqual(set(interventions.mapped("billing_state")), {"billed"})
        return queries

    def test_queries_flat_from_5_to_50(self):
        self._billing_queries(2)  # caches of rules, views and translations
        few = self._billing_queries(5)
        many = self._billing_queries(50)
        self.assertLessEqual(many, few, f"{few} queries for 5 interventions, {many} for 50")
