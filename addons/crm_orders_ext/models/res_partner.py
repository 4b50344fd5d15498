from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    bonus_ids = fields.One2many("res.partner.bonus", "partner_id", string="Bonuses")
    discount_ids = fields.One2many("res.partner.discount", "partner_id", string="Discounts")
    onboarding_item_ids = fields.One2many(
        "sale.order.onboarding.item", "partner_id", string="Onboarding forms"
    )
    # done activities are archived by mail: active_test off lists them next to the planned ones
    all_activity_ids = fields.One2many(
        "mail.activity",
        "res_id",
        string="Activities (done and planned)",
        domain=[("res_model", "=", "res.partner")],
        context={"active_test": False},
    )

    def action_new_order(self):
        """Open a new order for this contact, its company being the customer."""
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("sale.action_quotations_with_onboarding")
        action.update(
            {
                "views": [(self.env.ref("sale.view_order_form").id, "form")],
                "view_mode": "form",
                "res_id": False,
                "context": {
                    "default_partner_id": self.commercial_partner_id.id,
                    "default_contact_person_id": self.id,
                },
            }
        )
        return action
