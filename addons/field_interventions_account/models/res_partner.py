from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Per company: each company travels from its own premises and has its own zones.
    field_travel_distance_km = fields.Float(
        string="Travel distance (km)",
        company_dependent=True,
        digits=(16, 1),
        help="One-way distance from the company to this site; the invoice bills it there and back.",
    )
    field_travel_zone_id = fields.Many2one(
        "field.travel.zone",
        string="Travel zone",
        company_dependent=True,
        domain="[('company_id', '=', current_company_id)]",
        help="The zone whose flat travel price is billed for an intervention at this site.",
    )

    @api.constrains("field_travel_distance_km")
    def _check_field_travel_distance_km(self):
        if any(partner.field_travel_distance_km < 0 for partner in self):
            raise ValidationError(self.env._("The travel distance cannot be negative."))
