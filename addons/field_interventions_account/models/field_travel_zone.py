from odoo import fields, models


class FieldTravelZone(models.Model):
    _name = "field.travel.zone"
    _description = "Travel zone of field interventions"
    _order = "company_id, sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    price = fields.Monetary(
        string="Flat travel price",
        required=True,
        help="Billed once per intervention at a site of this zone, whatever the distance.",
    )

    _price_positive = models.Constraint("CHECK(price >= 0)", "The travel price of a zone cannot be negative.")
