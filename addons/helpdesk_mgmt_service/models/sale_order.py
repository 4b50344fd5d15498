from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    helpdesk_ticket_ids = fields.One2many("helpdesk.ticket", "sale_order_id", string="Tickets")
    helpdesk_ticket_count = fields.Integer(string="Ticket count", compute="_compute_helpdesk_ticket_count")

    def _compute_helpdesk_ticket_count(self):
        counts = self.env["helpdesk.ticket"]._count_per("sale_order_id", self)
        for order in self:
            order.helpdesk_ticket_count = counts.get(order.id, 0)

    def action_view_helpdesk_tickets(self):
        return self.env["helpdesk.ticket"]._action_tickets(
            [("sale_order_id", "in", self.ids)],
            {"default_sale_order_id": self.id, "default_partner_id": self.partner_id.id},
        )
