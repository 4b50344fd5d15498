from odoo import fields, models


class SaleOnboardingForm(models.Model):
    _name = "sale.onboarding.form"
    _description = "Onboarding form"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company")
    description = fields.Text(translate=True, help="What the customer has to fill in and send back.")
