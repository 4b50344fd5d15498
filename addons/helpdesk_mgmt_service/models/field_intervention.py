from odoo import fields, models


class FieldIntervention(models.Model):
    _inherit = "field.intervention"

    helpdesk_ticket_ids = fields.One2many("helpdesk.ticket", "intervention_id", string="Tickets")
    helpdesk_ticket_count = fields.Integer(string="Ticket count", compute="_compute_helpdesk_ticket_count")

    def _compute_helpdesk_ticket_count(self):
        counts = self.env["helpdesk.ticket"]._count_per("intervention_id", self)
        for intervention in self:
            intervention.helpdesk_ticket_count = counts.get(intervention.id, 0)

    def action_view_helpdesk_tickets(self):
        return self.env["helpdesk.ticket"]._action_tickets([("intervention_id", "in", self.ids)])
