from odoo import api, fields, models


class SaleOrderOnboardingItem(models.Model):
    _name = "sale.order.onboarding.item"
    _description = "Onboarding checklist item"
    _order = "order_id, sequence, id"

    order_id = fields.Many2one("sale.order", required=True, index=True, ondelete="cascade")
    partner_id = fields.Many2one(related="order_id.partner_id.commercial_partner_id", store=True, index=True)
    company_id = fields.Many2one(related="order_id.company_id", store=True)
    form_id = fields.Many2one("sale.onboarding.form", required=True, ondelete="restrict")
    sequence = fields.Integer(related="form_id.sequence", store=True)
    received = fields.Boolean()
    date_received = fields.Date(
        compute="_compute_date_received", store=True, readonly=False, string="Received on"
    )

    _form_once_per_order = models.Constraint(
        "UNIQUE(order_id, form_id)", "Each form is listed once per order."
    )

    @api.depends("received")
    def _compute_date_received(self):
        for item in self:
            item.date_received = item.received and (item.date_received or fields.Date.context_today(item))

    def write(self, vals):
        res = super().write(vals)
        if vals.get("received"):
            self.order_id._onboarding_close_reminder()
        return res
