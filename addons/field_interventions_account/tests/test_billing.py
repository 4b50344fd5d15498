from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import BillingCase


@tagged("post_install", "-at_install")
class TestBilling(BillingCase):
    def _bill(self, interventions):
        interventions.with_user(self.accountant).action_create_invoices()
        return self.Move.search([("invoice_line_ids.field_intervention_id", "in", interventions.ids)])

    def test_materials_hours_and_travel_by_distance(self):
        intervention = self._billable()
        action = intervention.with_user(self.accountant).action_create_invoice()
        invoice = self.Move.browse(action["res_id"])
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.state, "draft")
        self.assertEqual(invoice.partner_id, self.customer_a)
        self.assertEqual(
            self._lines(invoice),
            {self.gasket: (3.0, 10.0), self.hour: (2.0, 40.0), self.travel: (24.0, 0.5)},
        )
        self.assertEqual(invoice.invoice_line_ids.field_intervention_id, intervention)
        section = invoice.invoice_line_ids.filtered(lambda line: line.display_type == "line_section")
        self.assertIn(intervention.name, section.name)
        self.assertEqual(intervention.billing_state, "billed")
        self.assertEqual(intervention.with_user(self.accountant).invoice_ids, invoice)
        self.assertEqual(intervention.with_user(self.accountant).invoice_count, 1)

    def test_travel_by_zone(self):
        zone = self.env["field.travel.zone"].create({"name": "Milano city", "price": 35.0})
        self.company.field_travel_billing = "zone"
        self.site_a.field_travel_zone_id = zone
        invoice = self._bill(self._billable())
        self.assertEqual(self._lines(invoice)[self.travel], (1.0, 35.0))

    def test_no_travel_line_when_not_billed(self):
        self.company.field_travel_billing = "none"
        invoice = self._bill(self._billable())
        self.assertNotIn(self.travel, self._lines(invoice))

    def test_customer_pricelist_prices(self):
        pricelist = self.env["product.pricelist"].create(
            {
                "name": "Alfa conditions",
                "currency_id": self.company.currency_id.id,
                "item_ids": [
                    (
                        0,
                        0,
                        {"applied_on": "0_product_variant", "product_id": self.gasket.id, "fixed_price": 7.0},
                    ),
                    (
                        0,
                        0,
                        {"applied_on": "0_product_variant", "product_id": self.hour.id, "fixed_price": 33.0},
                    ),
                ],
            }
        )
        self.customer_a.property_product_pricelist = pricelist
        invoices = self._bill(self._billable() | self._billable(customer=self.customer_b))
        by_customer = {invoice.partner_id: self._lines(invoice) for invoice in invoices}
        self.assertEqual(by_customer[self.customer_a][self.gasket], (3.0, 7.0))
        self.assertEqual(by_customer[self.customer_a][self.hour], (2.0, 33.0))
        self.assertEqual(by_customer[self.customer_b][self.gasket], (3.0, 10.0))
        self.assertEqual(by_customer[self.customer_b][self.travel], (60.0, 0.5))

    def test_one_invoice_per_customer(self):
        first, second = self._billable(), self._billable(hours=1.0)
        other = self._billable(customer=self.customer_b)
        invoices = self._bill(first | second | other)
        self.assertEqual(len(invoices), 2)
        invoice_a = invoices.filtered(lambda i: i.partner_id == self.customer_a)
        self.assertEqual(invoice_a.invoice_line_ids.field_intervention_id, first | second)
        self.assertEqual(self._lines(invoice_a, second)[self.hour], (1.0, 40.0))
        self.assertIn(first.name, invoice_a.invoice_origin)
        self.assertEqual(set((first | second | other).mapped("billing_state")), {"billed"})

    def test_nothing_billed_twice(self):
        first = self._billable()
        invoice = self._bill(first)
        with self.assertRaisesRegex(UserError, "Already billed"):
            first.with_user(self.accountant).action_create_invoice()
        with self.assertRaisesRegex(UserError, "Already billed"):
            first.with_user(self.accountant).action_create_invoices()
        # A selection with a billed one: only the others are billed, the billed one is named.
        second = self._billable()
        action = (first | second).with_user(self.accountant).action_create_invoices()
        self.assertIn(first.name, action["params"]["message"])
        new = self.Move.browse(action["params"]["next"]["res_id"])
        self.assertEqual(new.invoice_line_ids.field_intervention_id, second)
        self.assertEqual(first.with_user(self.accountant).invoice_ids, invoice)

    def test_cancelled_invoice_frees_the_intervention(self):
        intervention = self._billable()
        invoice = self._bill(intervention)
        with self.assertRaisesRegex(UserError, "is billed"):
            intervention.action_cancel()
        invoice.with_user(self.accountant).button_cancel()
        self.assertEqual(intervention.billing_state, "not_billed")
        again = self._bill(intervention) - invoice
        self.assertEqual(len(again), 1)
        self.assertEqual(intervention.billing_state, "billed")
        # A deleted draft frees it too.
        again.with_user(self.accountant).unlink()
        self.assertEqual(intervention.billing_state, "not_billed")

    def test_cancelled_or_unfinished_intervention_refused(self):
        cancelled = self._intervention()
        cancelled.action_cancel()
        planned = self._intervention()
        done = self._billable()
        count = self.Move.search_count([])
        for refused in (cancelled, planned):
            with self.subTest(state=refused.state), self.assertRaisesRegex(UserError, "done or signed"):
                (done | refused).with_user(self.accountant).action_create_invoices()
        self.assertEqual(self.Move.search_count([]), count)
        self.assertEqual(done.billing_state, "not_billed")

    def test_travel_without_rate_or_zone_refused_nothing_created(self):
        first, second = self._billable(), self._billable(customer=self.customer_b)
        count = self.Move.search_count([])
        self.company.field_travel_km_rate = 0.0
        with self.assertRaisesRegex(UserError, "rate per km"):
            (first | second).with_user(self.accountant).action_create_invoices()
        self.company.field_travel_km_rate = 0.5
        self.site_b.field_travel_distance_km = 0.0
        with self.assertRaisesRegex(UserError, "travel distance of"):
            (first | second).with_user(self.accountant).action_create_invoices()
        self.company.field_travel_billing = "zone"
        with self.assertRaisesRegex(UserError, "travel zone of"):
            first.with_user(self.accountant).action_create_invoice()
        self.company.field_travel_product_id = False
        with self.assertRaisesRegex(UserError, "travel product"):
            first.with_user(self.accountant).action_create_invoice()
        self.assertEqual(self.Move.search_count([]), count)
        self.assertEqual(set((first | second).mapped("billing_state")), {"not_billed"})

    def test_hours_without_hours_product_refused(self):
        intervention = self._billable()
        self.company.field_hours_product_id = False
        with self.assertRaisesRegex(UserError, "hours product"):
            intervention.with_user(self.accountant).action_create_invoice()
        self.assertEqual(intervention.billing_state, "not_billed")
