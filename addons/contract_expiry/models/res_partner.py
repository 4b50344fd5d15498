from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    portal_contracts_access = fields.Boolean(
        string="Contracts access",
        copy=False,
        tracking=True,
        help="The contact sees the customer's contracts and acceptance reports in the portal and signs them.",
    )
    customer_contract_ids = fields.One2many("customer.contract", "partner_id", string="Customer contracts")
    customer_contract_count = fields.Integer(
        compute="_compute_customer_contract_count", string="Contract count"
    )

    @api.depends("customer_contract_ids")
    def _compute_customer_contract_count(self):
        counts = dict(
            self.env["customer.contract"]._read_group(
                [("commercial_partner_id", "in", self.commercial_partner_id.ids)],
                ["commercial_partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.customer_contract_count = counts.get(partner.commercial_partner_id, 0)

    @api.model
    def _portal_rule_fields(self):
        return super()._portal_rule_fields() | {"portal_contracts_access"}

    def action_view_customer_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("contract_expiry.customer_contract_action")
        action["domain"] = [("commercial_partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.id}
        return action
