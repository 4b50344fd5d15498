from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResPartnerBonus(models.Model):
    _name = "res.partner.bonus"
    _inherit = "res.partner.reduction.mixin"
    _description = "Customer bonus"
    _order = "date_start desc, id desc"

    name = fields.Char(string="Bonus", required=True, translate=True)
    note = fields.Text()
    date_start = fields.Date(string="Valid from")
    date_end = fields.Date(string="Valid until")

    @api.constrains("value", "value_type")
    def _check_value(self):
        for bonus in self:
            if bonus.value <= 0:
                raise ValidationError(self.env._("The bonus %s must be greater than zero.", bonus.name))
            if bonus.value_type == "percent" and bonus.value > 100:
                raise ValidationError(self.env._("The bonus %s cannot exceed 100%%.", bonus.name))

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for bonus in self:
            if bonus.date_start and bonus.date_end and bonus.date_end < bonus.date_start:
                raise ValidationError(self.env._("The bonus %s ends before it starts.", bonus.name))

    def _filter_valid_on(self, date):
        """Bonuses valid on ``date``: open-ended bounds count as valid."""
        return self.filtered(
            lambda b: (not b.date_start or b.date_start <= date) and (not b.date_end or b.date_end >= date)
        )
