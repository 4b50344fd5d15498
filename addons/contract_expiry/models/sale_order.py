from odoo import Command, api, fields, models
from odoo.exceptions import UserError

from .customer_contract import form_action


class SaleOrder(models.Model):
    _inherit = "sale.order"

    customer_contract_ids = fields.One2many("customer.contract", "sale_order_id", string="Contracts")
    customer_contract_count = fields.Integer(
        compute="_compute_customer_contract_count", string="Contract count"
    )

    @api.depends("customer_contract_ids")
    def _compute_customer_contract_count(self):
        for order in self:
            order.customer_contract_count = len(order.customer_contract_ids)

    def action_create_customer_contract(self):
        """One click from an offer or a confirmed order to a draft contract with its lines.

        From an offer the contract comes first ("table offer"): the offer stays as it is and can still be
        confirmed into an order later.
        """
        self.ensure_one()
        if self.state == "cancel":
            raise UserError(self.env._("A cancelled quotation cannot become a contract."))
        contract = self.env["customer.contract"].create(self._prepare_customer_contract_values())
        return form_action(contract)

    def _prepare_customer_contract_values(self):
        self.ensure_one()
        lines = self.order_line.filtered(lambda line: line.product_id and not line.display_type)
        return {
            "title": self.client_order_ref or self.name,
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "user_id": self.user_id.id or self.env.user.id,
            "sale_order_id": self.id,
            "payment_term_id": self.payment_term_id.id,
            "fiscal_position_id": self.fiscal_position_id.id,
            "start_date": fields.Date.context_today(self),
            "line_ids": [
                Command.create(
                    {
                        "product_id": line.product_id.id,
                        "name": line.name,
                        "quantity": line.product_uom_qty,
                        "price_unit": line.price_unit,
                        "discount": line.discount,
                        "tax_ids": [Command.set(line.tax_ids.ids)],
                        "analytic_distribution": line.analytic_distribution,
                    }
                )
                for line in lines
            ],
        }

    def action_view_customer_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("contract_expiry.customer_contract_action")
        action["domain"] = [("sale_order_id", "=", self.id)]
        action["context"] = {"default_sale_order_id": self.id, "default_partner_id": self.partner_id.id}
        return action
