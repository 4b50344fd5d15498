from odoo import fields, models


class ResPartnerReductionMixin(models.AbstractModel):
    """What a customer is granted off its prices, a percentage or an amount: its bonuses and discounts."""

    _name = "res.partner.reduction.mixin"
    _description = "Customer price reduction"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    currency_id = fields.Many2one(related="company_id.currency_id")
    value_type = fields.Selection(
        [("percent", "Percentage"), ("amount", "Amount")],
        required=True,
        default="percent",
        string="Value type",
    )
    value = fields.Float(required=True, digits="Discount")
