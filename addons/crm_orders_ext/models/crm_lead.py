from odoo import models
from odoo.exceptions import UserError


class CrmLead(models.Model):
    _inherit = "crm.lead"

    def action_crm_create_offer(self):
        """One click from a lead or opportunity to a new offer, creating its customer if needed."""
        self.ensure_one()
        if not self.active or self.won_status == "lost":
            raise UserError(self.env._("A lost lead cannot get an offer: restore it first."))
        if self.type == "lead":
            self.convert_opportunity(self.partner_id)
        self._handle_partner_assignment(create_missing=True)
        contact = self.partner_id
        values = self._crm_prepare_offer_values()
        order = self.env["sale.order"].create(values)
        if contact != order.partner_id:
            order.message_subscribe(partner_ids=contact.ids)
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": order.id,
            "views": [(self.env.ref("sale.view_order_form").id, "form")],
            "target": "current",
        }

    def action_crm_make_customer(self):
        """The offer was accepted by hand (phone, paper): the same as an acceptance from the e-mail link."""
        self.ensure_one()
        # _crm_make_customer works in sudo (portal customers run it too): check the clicker's right first
        self.check_access("write")
        if not self.active or self.won_status == "lost":
            raise UserError(self.env._("A lost lead cannot become a customer: restore it first."))
        if not (self.partner_id or self.partner_name or self.contact_name):
            raise UserError(self.env._("Give the lead a customer, a company name or a contact name first."))
        self._crm_make_customer()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": self.partner_id.commercial_partner_id.id,
            "views": [(False, "form")],
            "target": "current",
        }

    def _crm_prepare_offer_values(self):
        self.ensure_one()
        # the same values stock passes as defaults, given explicitly so they do not leak into sub-records
        values = {
            key.removeprefix("default_"): value
            for key, value in self._prepare_opportunity_quotation_context().items()
        }
        values.update(
            {
                "partner_id": self.partner_id.commercial_partner_id.id,
                "contact_person_id": self.partner_id.id,
            }
        )
        return values

    def _crm_make_customer(self):
        """The offer was accepted: the lead's contact becomes a customer and the lead is won.

        Runs as the portal customer too (signature or payment), hence sudo on purpose.
        """
        for lead in self.sudo().filtered(lambda lead: lead.won_status != "won"):
            contact = lead.partner_id or lead._create_customer()
            if not contact.commercial_partner_id.is_company and lead.partner_name:
                company = contact.create(lead._prepare_customer_values(lead.partner_name, is_company=True))
                contact.parent_id = company
            (contact | contact.commercial_partner_id).filtered(
                lambda p: not p.customer_rank
            ).customer_rank = 1
            lead.partner_id = contact
            lead.action_set_won()
