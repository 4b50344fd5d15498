from collections import defaultdict

from odoo import models


class ResPartner(models.Model):
    _inherit = "res.partner"

    def _compute_helpdesk_ticket_count(self):
        """helpdesk_mgmt's counters of the partner card ("open / all" tickets of the partner and its
        contacts) in a few queries for any number of partners, instead of a search per partner: one read_group
        of the tickets by contact and stage, then each contact counted for itself and each of its parents."""
        groups = self.env["helpdesk.ticket"]._read_group(
            [("partner_id", "child_of", self.filtered("id").ids)], ["partner_id", "stage_id"], ["__count"]
        )
        total, active = defaultdict(int), defaultdict(int)
        wanted = set(self.ids)
        for contact, stage, count in groups:
            partner = contact
            while partner:
                if partner.id in wanted:
                    total[partner.id] += count
                    if not stage.closed:
                        active[partner.id] += count
                partner = partner.parent_id
        for partner in self:
            partner.helpdesk_ticket_count = total[partner.id]
            partner.helpdesk_ticket_active_count = active[partner.id]
            partner.helpdesk_ticket_count_string = f"{active[partner.id]} / {total[partner.id]}"
