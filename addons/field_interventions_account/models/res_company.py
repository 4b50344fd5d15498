from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    field_travel_billing = fields.Selection(
        [("none", "Not billed"), ("km", "By distance"), ("zone", "By zone")],
        string="Travel billing",
        required=True,
        default="none",
        help="By distance: the site's one-way distance x 2 (there and back) x the rate per km. "
        "By zone: the flat price of the site's travel zone.",
    )
    field_travel_product_id = fields.Many2one(
        "product.product",
        string="Travel product",
        domain="[('type', '=', 'service')]",
        help="The product of the travel line of the invoices (its taxes and income account).",
    )
    field_travel_km_rate = fields.Monetary(
        string="Rate per km",
        currency_field="currency_id",
        help="Price of one kilometre travelled; the distance there and back is billed.",
    )
    field_hours_product_id = fields.Many2one(
        "product.product",
        string="Hours product",
        domain="[('type', '=', 'service')]",
        help="The service billed for the hours worked (lines of hours without a product of their own), "
        "at the customer's price.",
    )

    @api.constrains("field_travel_km_rate")
    def _check_field_travel_km_rate(self):
        if any(company.field_travel_km_rate < 0 for company in self):
            raise ValidationError(self.env._("The travel rate per km cannot be negative."))
