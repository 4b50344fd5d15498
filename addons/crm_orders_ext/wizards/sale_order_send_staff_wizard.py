from markupsafe import Markup

from odoo import fields, models


class SaleOrderSendStaffWizard(models.TransientModel):
    _name = "sale.order.send.staff.wizard"
    _description = "Send an order to staff"

    order_id = fields.Many2one("sale.order", required=True, ondelete="cascade")
    user_ids = fields.Many2many("res.users", string="Staff", required=True, domain=[("share", "=", False)])
    message = fields.Text(required=True)

    def action_send(self):
        self.ensure_one()
        partners = self.user_ids.partner_id
        self.order_id.message_subscribe(partner_ids=partners.ids)
        body = Markup("<p>%s</p><p>%s</p>") % (self.message, self.order_id._get_html_link())
        self.order_id.message_post(
            body=body,
            subject=self.env._("%s: a colleague needs you", self.order_id.name),
            partner_ids=partners.ids,
            subtype_xmlid="mail.mt_note",
            message_type="comment",
        )
        return {"type": "ir.actions.act_window_close"}
