import math
from itertools import zip_longest

from werkzeug.exceptions import Forbidden, NotFound

from odoo import fields, http
from odoo.addons.customer_portal_base.tools import upload
from odoo.addons.sale.controllers.portal import CustomerPortal
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.http import request


class SaleOrderRequestPortal(CustomerPortal):
    """Orders started by the customer: request form, and changes asked on a quotation."""

    # ------------------------------------------------------------
    # ACCESS
    # ------------------------------------------------------------

    def _portal_can_order(self):
        """Only portal users whose contact has reserved-area access may start orders."""
        return request.env.user._portal_area_allowed(internal=False)

    def _portal_own_order(self, order_id):
        """The order (sudo) of the current portal user's own company (and, for a portal request, one
        the user may see), else 404."""
        order_sudo = request.env["sale.order"].sudo().browse(order_id).exists()
        if not order_sudo or not order_sudo._portal_request_visible(request.env.user):
            raise NotFound()
        return order_sudo

    def _portal_opportunity(self, opportunity_id):
        """The opportunity (sudo) a request comes from: only one of the user's own company."""
        if not opportunity_id:
            return request.env["crm.lead"].sudo()
        try:
            opportunity_id = int(opportunity_id)
        except ValueError as error:
            raise NotFound() from error
        customer = request.env.user.partner_id.commercial_partner_id
        opportunity = (
            request.env["crm.lead"]
            .sudo()
            .search([("id", "=", opportunity_id), ("partner_id", "child_of", customer.id)], limit=1)
        )
        if not opportunity:
            raise NotFound()
        return opportunity

    # ------------------------------------------------------------
    # LISTS AND ORDER PAGE
    # ------------------------------------------------------------

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        values["portal_can_order"] = self._portal_can_order()
        return values

    def _prepare_orders_domain(self, partner):
        domain = super()._prepare_orders_domain(partner)
        if not self._portal_can_order():
            return domain
        # the customer follows their requests in their orders from the start (the record rule
        # sale_order_rule_portal_request keeps a draft request to its author)
        requests = [
            ("partner_id", "child_of", [partner.commercial_partner_id.id]),
            ("portal_request", "=", True),
            ("state", "in", ("draft", "sent")),
        ]
        return Domain.OR([domain, requests])

    @http.route()
    def portal_order_page(
        self, order_id, report_type=None, access_token=None, message=False, download=False, **kw
    ):
        if request.env.user._is_portal():
            # a request is its author's while a draft, and never reached with a token of someone
            # else's (the links of the order list carry the token)
            order_sudo = request.env["sale.order"].sudo().browse(order_id).exists()
            if order_sudo.portal_request and not order_sudo._portal_request_visible(request.env.user):
                raise NotFound()
        return super().portal_order_page(
            order_id,
            report_type=report_type,
            access_token=access_token,
            message=message,
            download=download,
            **kw,
        )

    def _get_page_view_values(
        self, document, access_token, values, session_history, no_breadcrumbs, **kwargs
    ):
        values = super()._get_page_view_values(
            document, access_token, values, session_history, no_breadcrumbs, **kwargs
        )
        if document._name == "sale.order":
            values["portal_can_order"] = (
                self._portal_can_order()
                and document.partner_id.commercial_partner_id
                == request.env.user.partner_id.commercial_partner_id
            )
        return values

    # ------------------------------------------------------------
    # ASK FOR CHANGES
    # ------------------------------------------------------------

    @http.route("/my/orders/<int:order_id>/changes", type="http", auth="user", methods=["POST"], website=True)
    def portal_order_ask_changes(self, order_id, message="", **kwargs):
        if not self._portal_can_order():
            raise Forbidden()
        order_sudo = self._portal_own_order(order_id)
        try:
            with request.env.cr.savepoint():
                order_sudo._portal_ask_changes(request.env.user.partner_id, message)
        except upload.UploadTooFrequent as error:
            return request.render(
                "customer_portal_events.portal_order_event_error",
                {"error": error.args[0], "back_url": f"/my/orders/{order_sudo.id}", "access_token": None},
                status=error.http_status,
            )
        except ValidationError:
            return request.redirect(order_sudo.get_portal_url(query_string="&message=changes_empty"))
        except UserError:
            return request.redirect(order_sudo.get_portal_url(query_string="&message=changes_refused"))
        return request.redirect(order_sudo.get_portal_url(query_string="&message=changes_sent"))

    # ------------------------------------------------------------
    # REQUEST FORM
    # ------------------------------------------------------------

    @http.route("/my/orders/request", type="http", auth="user", methods=["GET", "POST"], website=True)
    def portal_order_request(self, opportunity_id=None, text="", wished_date="", **kwargs):
        if not self._portal_can_order():
            raise Forbidden()
        opportunity = self._portal_opportunity(opportunity_id)
        form = request.httprequest.form
        raw_lines = [
            (product.strip(), quantity.strip())
            for product, quantity in zip_longest(
                form.getlist("product_id"), form.getlist("quantity"), fillvalue=""
            )
            if product.strip() or quantity.strip()
        ]
        values = self._prepare_portal_request_values(opportunity, raw_lines, text, wished_date)
        if request.httprequest.method != "POST":
            return request.render("crm_orders_ext.portal_order_request", values)
        SaleOrder = request.env["sale.order"].sudo()
        try:
            files = upload.read_uploads(request.env, request.httprequest.files.getlist("files"))
            with request.env.cr.savepoint():
                order_sudo = SaleOrder._portal_create_request(
                    request.env.user.partner_id,
                    self._portal_parse_lines(raw_lines),
                    text=text,
                    wished_date=self._portal_parse_date(wished_date),
                    files=files,
                    opportunity=opportunity,
                )
        except (UserError, ValidationError) as error:
            values["error"] = error.args[0]
            status = error.http_status if isinstance(error, upload.UploadRefused) else 400
            return request.render("crm_orders_ext.portal_order_request", values, status=status)
        return request.redirect(order_sudo.get_portal_url(query_string="&message=request_sent"))

    def _prepare_portal_request_values(self, opportunity, raw_lines, text, wished_date):
        values = self._prepare_portal_layout_values()
        SaleOrder = request.env["sale.order"].sudo()
        max_bytes, allowed, max_files = upload.upload_limits(request.env)
        values.update(
            {
                "page_name": "order_request",
                "opportunity": opportunity,
                "products": request.env["product.product"]
                .sudo()
                .search(SaleOrder._portal_orderable_domain()),
                # the lines typed so far and at least one empty line to add another
                "lines": raw_lines + [("", "")] * max(3 - len(raw_lines), 1),
                "text": text,
                "wished_date": wished_date,
                "today": fields.Date.context_today(SaleOrder).isoformat(),
                "max_mb": round(max_bytes / 1024 / 1024, 1),
                "max_files": max_files,
                "accept": ",".join(f".{ext}" for ext in sorted(allowed)),
            }
        )
        return values

    def _portal_parse_lines(self, raw_lines):
        lines = []
        for product, quantity in raw_lines:
            if not product:
                raise ValidationError(request.env._("Choose the product of each quantity."))
            try:
                product_id = int(product)
            except ValueError as error:
                raise ValidationError(
                    request.env._("One of the products cannot be ordered from the portal.")
                ) from error
            try:
                quantity = float(quantity.replace(",", "."))
            except ValueError:
                quantity = math.nan
            if not math.isfinite(quantity):
                raise ValidationError(request.env._("Give a quantity for each product."))
            lines.append((product_id, quantity))
        return lines

    def _portal_parse_date(self, value):
        if not value:
            return None
        try:
            return fields.Date.to_date(value)
        except ValueError as error:
            raise ValidationError(request.env._("The wished date is not a valid date.")) from error
