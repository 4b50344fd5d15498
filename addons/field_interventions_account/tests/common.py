from odoo import Command
from odoo.addons.field_interventions.tests.common import InterventionsCase


class BillingCase(InterventionsCase):
    """The interventions' customers and staff, an accountant who also manages interventions, a material
    and an hours product, and the company billing travel by distance."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.accountant = cls._new_staff_user(
            "fi_accountant",
            "field_interventions.group_field_intervention_manager,account.group_account_invoice",
            "Anna Accountant",
        )
        Product = cls.env["product.product"]
        cls.gasket = Product.create({"name": "Gasket", "type": "consu", "list_price": 10.0})
        cls.hour = Product.create({"name": "Technician hour", "type": "service", "list_price": 40.0})
        cls.travel = Product.create({"name": "Travel", "type": "service", "list_price": 0.0})
        cls.company = cls.env.company
        cls.company.write(
            {
                "field_hours_product_id": cls.hour.id,
                "field_travel_product_id": cls.travel.id,
                "field_travel_billing": "km",
                "field_travel_km_rate": 0.5,
            }
        )
        cls.site_a.field_travel_distance_km = 12.0
        cls.site_b.field_travel_distance_km = 30.0
        # Whatever the demo data holds: these customers have no pricelist of their own.
        (cls.customer_a | cls.customer_b).write({"property_product_pricelist": False})
        cls.Move = cls.env["account.move"]

    @classmethod
    def _billable(cls, customer=None, hours=2.0, gaskets=3.0):
        """A done intervention with gaskets and hours (the hours without a product of their own)."""
        intervention = cls._intervention(customer=customer)
        intervention.write(
            {
                "line_ids": [
                    Command.create(
                        {
                            "line_type": "material",
                            "product_id": cls.gasket.id,
                            "name": "Gasket",
                            "quantity": gaskets,
                        }
                    ),
                    Command.create({"line_type": "hours", "name": "Labour", "quantity": hours}),
                ]
            }
        )
        intervention.action_start()
        intervention.action_done()
        return intervention

    def _lines(self, invoice, intervention=None):
        lines = invoice.invoice_line_ids.filtered(lambda line: line.display_type == "product")
        if intervention:
            lines = lines.filtered(lambda line: line.field_intervention_id == intervention)
        return {line.product_id: (line.quantity, line.price_unit) for line in lines}
