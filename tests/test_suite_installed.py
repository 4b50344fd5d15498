"""Tests that cross addons: the suite installed as a whole."""

from odoo.tests import TransactionCase, tagged

SUITE = {
    "contract_expiry",
    "crm_orders_ext",
    "customer_portal_events",
    "field_interventions",
    "payment_methods_ro_it",
}


@tagged("post_install", "-at_install")
class TestSuiteInstalled(TransactionCase):
    def test_five_addons_installed_together(self):
        modules = self.env["ir.module.module"].search([("name", "in", list(SUITE))])
        self.assertEqual(set(modules.filtered(lambda m: m.state == "installed").mapped("name")), SUITE)
