from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.addons.customer_portal_base.controllers.portal import CustomerPortalBase
from odoo.addons.customer_portal_base.tools.download import attachment_response
from odoo.http import request

CONTRACT_FLAG = "portal_contracts_access"


class ContractPortal(CustomerPortalBase):
    # ------------------------------------------------------------
    # HOOKS
    # ------------------------------------------------------------

    def _contracts_allowed(self):
        """Internal users, and portal contacts with reserved-area and contracts access."""
        return request.env.user._portal_area_allowed(CONTRACT_FLAG)

    def _prepare_contracts_domain(self, partner):
        return [("commercial_partner_id", "=", partner.commercial_partner_id.id), ("state", "!=", "draft")]

    def _get_contracts_searchbar_sortings(self):
        return {
            "date": {"label": request.env._("Start date"), "order": "start_date desc, id desc"},
            "expiry": {"label": request.env._("Expiry date"), "order": "expiry_date asc, id desc"},
            "name": {"label": request.env._("Number"), "order": "name desc"},
        }

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "customer_contract_count" in counters:
            Contract = request.env["customer.contract"]
            values["customer_contract_count"] = (
                Contract.search_count(self._prepare_contracts_domain(request.env.user.partner_id))
                if self._contracts_allowed() and Contract.has_access("read")
                else 0
            )
        return values

    def _check_contract(self, contract_id, access_token=None):
        return self._check_document("customer.contract", contract_id, access_token)

    def _check_acceptance(self, acceptance_id, access_token=None):
        return self._check_document("customer.contract.acceptance", acceptance_id, access_token)

    def _check_document(self, model, res_id, access_token):
        record_sudo = self._document_or_404(model, res_id, access_token=access_token)
        # A draft was never sent: the customer does not see it, even with a token left from an earlier
        # round (a cancelled contract reset to draft keeps it). Internal users preview it.
        if record_sudo.state == "draft" and not request.env.user._is_internal():
            raise NotFound()
        return record_sudo

    def _readable(self, records_sudo):
        """The records the visitor may open by the record rules (a token is never handed on)."""
        return records_sudo.with_env(request.env)._filtered_access("read")

    # ------------------------------------------------------------
    # CONTRACTS
    # ------------------------------------------------------------

    @http.route(["/my/contracts", "/my/contracts/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_contracts(self, page=1, sortby=None, **kw):
        if not self._contracts_allowed():
            raise Forbidden()
        values = self._portal_list_values(
            "customer.contract",
            self._prepare_contracts_domain(request.env.user.partner_id),
            "/my/contracts",
            self._get_contracts_searchbar_sortings(),
            sortby,
            page,
            "contracts",
            "contract",
        )
        return request.render("contract_expiry.portal_my_contracts", values)

    @http.route("/my/contracts/<int:contract_id>", type="http", auth="public", website=True)
    def portal_my_contract(self, contract_id, access_token=None, report_type=None, download=False, **kw):
        contract_sudo = self._check_contract(contract_id, access_token)
        if report_type in ("html", "pdf", "text"):
            report = "contract_expiry.action_report_contract"
            if kw.get("licence"):
                if not contract_sudo._licence_allowed():
                    raise NotFound()
                report = "contract_expiry.action_report_software_licence"
            return self._show_report(contract_sudo, report_type, report, download=download)
        acceptances_sudo = contract_sudo.acceptance_ids.filtered(lambda a: a.state != "draft")
        values = self._get_page_view_values(
            contract_sudo,
            access_token,
            {
                "contract": contract_sudo,
                "page_name": "contract",
                "message": kw.get("message"),
                "acceptances": acceptances_sudo,
                "linked_acceptances": self._readable(acceptances_sudo),
            },
            "my_contracts_history",
            False,
            **kw,
        )
        return request.render("contract_expiry.portal_contract_page", values)

    @http.route("/my/contracts/<int:contract_id>/sign", type="jsonrpc", auth="public", website=True)
    def portal_contract_sign(self, contract_id, access_token=None, name=None, signature=None):
        return self._portal_sign_document("customer.contract", contract_id, access_token, name, signature)

    @http.route(
        "/my/contracts/<int:contract_id>/documents/<int:attachment_id>",
        type="http",
        auth="public",
        website=True,
    )
    def portal_contract_document(self, contract_id, attachment_id, access_token=None, **kw):
        contract_sudo = self._check_contract(contract_id, access_token)
        attachment = contract_sudo._portal_documents().filtered(lambda att: att.id == attachment_id)
        if not attachment:
            raise NotFound()
        return attachment_response(attachment)

    # ------------------------------------------------------------
    # ACCEPTANCE REPORTS
    # ------------------------------------------------------------

    @http.route("/my/acceptances/<int:acceptance_id>", type="http", auth="public", website=True)
    def portal_my_acceptance(self, acceptance_id, access_token=None, report_type=None, download=False, **kw):
        acceptance_sudo = self._check_acceptance(acceptance_id, access_token)
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                acceptance_sudo,
                report_type,
                "contract_expiry.action_report_contract_acceptance",
                download=download,
            )
        values = self._get_page_view_values(
            acceptance_sudo,
            access_token,
            {
                "acceptance": acceptance_sudo,
                "page_name": "acceptance",
                "message": kw.get("message"),
                "contract_linked": bool(self._readable(acceptance_sudo.contract_id)),
            },
            "my_acceptances_history",
            False,
            **kw,
        )
        return request.render("contract_expiry.portal_acceptance_page", values)

    @http.route("/my/acceptances/<int:acceptance_id>/sign", type="jsonrpc", auth="public", website=True)
    def portal_acceptance_sign(self, acceptance_id, access_token=None, name=None, signature=None):
        return self._portal_sign_document(
            "customer.contract.acceptance", acceptance_id, access_token, name, signature
        )
