from werkzeug.exceptions import BadRequest, Forbidden

from odoo import http
from odoo.addons.contract_expiry.models.customer_contract import RUNNING_STATES
from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.http import request

# The links a customer may give a ticket from the portal: form field -> ticket field.
PORTAL_LINKS = {"sale_order": "sale_order_id", "contract": "contract_id", "plant": "plant_id"}


class HelpdeskTicketServiceController(HelpdeskTicketController):
    """helpdesk_mgmt's ticket form for the suite's customers: open to contacts with reserved-area access only,
    with the customer's own orders, contracts and plants to pick from."""

    @http.route()
    def create_new_ticket(self, **kw):
        self._check_portal_area()
        return super().create_new_ticket(**kw)

    @http.route()
    def submit_ticket(self, **kw):
        self._check_portal_area()
        return super().submit_ticket(**kw)

    def _get_create_new_ticket_values(self, **kw):
        values = super()._get_create_new_ticket_values(**kw)
        values.update(self._portal_link_choices())
        return values

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        choices = self._portal_link_choices()
        for key, field in PORTAL_LINKS.items():
            raw = kw.get(key)
            if not raw:
                continue
            try:
                record_id = int(raw)
            except ValueError:
                raise BadRequest(request.env._("Invalid choice.")) from None
            # Among the customer's own only: another customer's id is refused, not silently dropped.
            if record_id not in choices[f"{key}_choices"].ids:
                raise BadRequest(request.env._("This document is not one of yours."))
            vals[field] = record_id
        return vals

    # ------------------------------------------------------------
    # HELPERS
    # ------------------------------------------------------------

    def _check_portal_area(self):
        if not request.env.user._portal_area_allowed():
            raise Forbidden()

    def _portal_link_choices(self):
        """The documents of the visitor's customer a new ticket may refer to (sudo records, read-only).

        Contracts only for contacts who may see them in the portal (contract_expiry's flag)."""
        user = request.env.user
        customer = user.partner_id.commercial_partner_id
        env = request.env
        contracts = env["customer.contract"]
        if user._portal_area_allowed("portal_contracts_access"):
            contracts = contracts.sudo().search(
                [("commercial_partner_id", "=", customer.id), ("state", "in", RUNNING_STATES)]
            )
        return {
            "sale_order_choices": env["sale.order"]
            .sudo()
            .search([("partner_id", "child_of", customer.id), ("state", "=", "sale")], limit=100),
            "contract_choices": contracts,
            "plant_choices": env["field.plant"].sudo().search([("partner_id", "=", customer.id)], limit=200),
        }
