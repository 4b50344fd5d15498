from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    field_travel_billing = fields.Selection(related="company_id.field_travel_billing", readonly=False)
    field_travel_product_id = fields.Many2one(related="company_id.field_travel_product_id", readonly=False)
    field_travel_km_rate = fields.Monetary(related="company_id.field_travel_km_rate", readonly=False)
    field_hours_product_id = fields.Many2one(related="company_id.field_hours_product_id", readonly=False)
