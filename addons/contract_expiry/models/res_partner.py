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
    customer_family_contract_ids = fields.Many2many(
        "customer.contract",
        compute="_compute_customer_family_contract_ids",
        inverse="_inverse_customer_family_contract_ids",
        string="Contracts",
        help="The contracts of the customer and of all its contacts.",
    )
    customer_contract_count = fields.Integer(
        compute="_compute_customer_contract_count", string="Contract count"
    )
    agreed_service_ids = fields.Many2many(
        "product.product",
        "res_partner_agreed_service_rel",
        "partner_id",
        "product_id",
        string="Agreed services",
        domain=[("sale_ok", "=", True)],
        help="Offered first on the customer's invoice and contract lines, with the services of its contracts "
        "and confirmed orders; the whole catalogue stays one search away.",
    )

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    def _customer_contract_domain(self):
        """The contracts of these partners' customers (the commercial partners) and all their contacts:
        one domain for the smart button, its count and the card's tab, so that they agree."""
        return [("commercial_partner_id", "in", self.commercial_partner_id._origin.ids)]

    @api.depends("customer_contract_ids")
    @api.depends_context("uid", "allowed_company_ids")
    def _compute_customer_contract_count(self):
        counts = dict(
            self.env["customer.contract"]._read_group(
                self._customer_contract_domain(), ["commercial_partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.customer_contract_count = counts.get(partner.commercial_partner_id._origin, 0)

    @api.depends("commercial_partner_id", "customer_contract_ids")
    @api.depends_context("uid", "allowed_company_ids")
    def _compute_customer_family_contract_ids(self):
        Contract = self.env["customer.contract"]
        contracts = Contract.search(self._customer_contract_domain()) if self._origin else Contract
        by_customer = contracts.grouped("commercial_partner_id")
        for partner in self:
            partner.customer_family_contract_ids = by_customer.get(
                partner.commercial_partner_id._origin, Contract
            )

    def _inverse_customer_family_contract_ids(self):
        # The tab opens, creates and edits contracts in their own form, which saves them: nothing to do here.
        return

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    @api.model
    def _portal_rule_fields(self):
        return super()._portal_rule_fields() | {"portal_contracts_access"}

    def action_view_customer_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("contract_expiry.customer_contract_action")
        action["domain"] = self._customer_contract_domain()
        action["context"] = {"default_partner_id": self.id}
        return action

    def action_new_customer_contract(self):
        """A new contract for this customer, from the card's Contracts tab."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "customer.contract",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {"default_partner_id": self.id},
        }

    # ------------------------------------------------------------
    # HELPERS
    # ------------------------------------------------------------

    def _customer_service_products(self):
        """The products agreed with the customers of these partners: the card's list, the lines of their
        contracts (sent or further, not cancelled) and the services of their confirmed sale orders."""
        commercial = self.commercial_partner_id._origin
        if not commercial:
            return self.env["product.product"]
        contract_lines = (
            self.env["customer.contract.line"]
            .sudo()
            ._read_group(
                [
                    ("contract_id.commercial_partner_id", "in", commercial.ids),
                    ("contract_id.state", "not in", ("draft", "cancelled")),
                ],
                [],
                ["product_id:array_agg"],
            )
        )
        order_lines = (
            self.env["sale.order.line"]
            .sudo()
            ._read_group(
                [
                    ("order_partner_id", "child_of", commercial.ids),
                    ("state", "=", "sale"),
                    ("product_id.type", "=", "service"),
                ],
                [],
                ["product_id:array_agg"],
            )
        )
        ids = set(commercial.agreed_service_ids.ids)
        for (product_ids,) in contract_lines + order_lines:
            ids.update(pid for pid in product_ids or () if pid)
        # The current user's view of the catalogue: archived, other companies' products are left out.
        return self.env["product.product"].search([("id", "in", list(ids)), ("sale_ok", "=", True)])
