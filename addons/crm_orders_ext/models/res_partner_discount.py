from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResPartnerDiscount(models.Model):
    _name = "res.partner.discount"
    _inherit = "res.partner.reduction.mixin"
    _description = "Customer discount"
    _order = "threshold desc, id desc"

    active = fields.Boolean(default=True)
    threshold = fields.Monetary(
        string="Minimum untaxed total",
        help="The discount is applied to a quotation once its untaxed total reaches this amount.",
    )

    @api.depends("value", "value_type", "threshold")
    def _compute_display_name(self):
        for discount in self:
            value = (
                f"{discount.value:g}%"
                if discount.value_type == "percent"
                else f"{discount.value:.2f} {discount.currency_id.symbol or ''}"
            )
            discount.display_name = self.env._(
                "%(value)s from %(threshold).2f", value=value, threshold=discount.threshold
            )

    @api.constrains("value", "value_type", "threshold")
    def _check_values(self):
        for discount in self:
            if discount.value <= 0:
                raise ValidationError(self.env._("A discount must be greater than zero."))
            if discount.value_type == "percent" and discount.value > 100:
                raise ValidationError(self.env._("A percentage discount cannot exceed 100%."))
            if discount.threshold < 0:
                raise ValidationError(self.env._("The minimum total of a discount cannot be negative."))
            if discount.value_type == "amount" and discount.value > discount.threshold:
                raise ValidationError(self.env._("A fixed discount cannot be larger than its minimum total."))
