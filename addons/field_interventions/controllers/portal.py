import calendar
from collections import defaultdict
from datetime import date, datetime, time, timedelta

import pytz
from werkzeug.exceptions import Forbidden, NotFound

from odoo import fields, http
from odoo.addons.customer_portal_base.controllers.portal import CustomerPortalBase
from odoo.addons.customer_portal_base.tools import upload
from odoo.addons.customer_portal_base.tools.download import attachment_response
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

MODEL = "field.intervention"
CHECK_MODEL = "field.check"
REPORT_REF = "field_interventions.action_report_field_intervention"
PAGE_SIZE = 20


class InterventionPortal(CustomerPortalBase):
    # ------------------------------------------------------------
    # HOOKS
    # ------------------------------------------------------------

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "intervention_count" in counters:
            Intervention = request.env[MODEL]
            values["intervention_count"] = (
                Intervention.search_count(self._prepare_interventions_domain())
                if Intervention.has_access("read")
                else 0
            )
        if "check_count" in counters:
            Check = request.env[CHECK_MODEL]
            values["check_count"] = (
                Check.search_count(self._prepare_checks_domain()) if Check.has_access("read") else 0
            )
        return values

    def _prepare_checks_domain(self):
        # As for the interventions: the record rules restrict portal users (reserved-area flag included).
        return [("partner_id", "=", request.env.user.commercial_partner_id.id)]

    def _get_checks_searchbar_sortings(self):
        return {
            "date": {"label": request.env._("Newest"), "order": "date desc, id desc"},
            "next_date": {"label": request.env._("Next check"), "order": "next_date, id desc"},
            "name": {"label": request.env._("Title"), "order": "name, id desc"},
        }

    def _prepare_interventions_domain(self):
        # The record rules already restrict portal users; the domain keeps internal users to their own.
        return [("partner_id", "=", request.env.user.commercial_partner_id.id), ("state", "!=", "cancelled")]

    def _get_interventions_searchbar_sortings(self):
        return {
            "date": {"label": request.env._("Newest"), "order": "date_start desc, id desc"},
            "name": {"label": request.env._("Reference"), "order": "name desc"},
            "state": {"label": request.env._("Status"), "order": "state, date_start desc"},
        }

    def _intervention_error_page(self, message, status, page_name="intervention"):
        values = self._prepare_portal_layout_values()
        values.update({"error_message": message, "page_name": page_name})
        return request.render("field_interventions.portal_intervention_error", values, status=status)

    def _intervention_check_access(self, intervention_id, access_token):
        """The checked intervention (sudo), or an error page explaining why the link does not work."""
        try:
            return self._document_or_404(MODEL, intervention_id, access_token=access_token), None
        except NotFound:
            if not request.env[MODEL].sudo().browse(intervention_id).exists():
                message = request.env._("This intervention does not exist (any more).")
                return None, self._intervention_error_page(message, 404)
        message = request.env._(
            "This link is not valid: it has already been used to sign the report, or it belongs to "
            "another document. Log in to your reserved area to see your interventions."
        )
        return None, self._intervention_error_page(message, 403)

    # ------------------------------------------------------------
    # LIST AND CALENDAR
    # ------------------------------------------------------------

    @http.route(
        ["/my/interventions", "/my/interventions/page/<int:page>"], type="http", auth="user", website=True
    )
    def portal_my_interventions(self, page=1, sortby=None, **kw):
        values = self._portal_list_values(
            MODEL,
            self._prepare_interventions_domain(),
            "/my/interventions",
            self._get_interventions_searchbar_sortings(),
            sortby,
            page,
            "interventions",
            "intervention",
            step=PAGE_SIZE,
        )
        partner = request.env.user.partner_id
        values["feed_allowed"] = partner._intervention_feed_allowed()
        values["request_allowed"] = partner._portal_has_access()
        values["feed_token"] = partner.sudo().intervention_feed_token
        return request.render("field_interventions.portal_my_interventions", values)

    @http.route("/my/interventions/calendar", type="http", auth="user", website=True)
    def portal_my_interventions_calendar(self, mode="month", day=None, **kw):
        mode = mode if mode in ("month", "week") else "month"
        try:
            anchor = fields.Date.to_date(day) or fields.Date.context_today(request.env.user)
        except ValueError:
            anchor = fields.Date.context_today(request.env.user)
        first, last = self._calendar_range(mode, anchor)
        tz = pytz.timezone(request.env.user.tz or "UTC")

        def to_utc(day_):
            return tz.localize(datetime.combine(day_, time.min)).astimezone(pytz.utc).replace(tzinfo=None)

        interventions = request.env[MODEL].search(
            self._prepare_interventions_domain()
            + [
                ("state", "!=", "draft"),  # a request has no date until it is planned
                ("date_start", "<", to_utc(last + timedelta(days=1))),
                ("date_end", ">=", to_utc(first)),
            ],
            order="date_start",
        )
        per_day = defaultdict(list)
        for intervention in interventions:
            start = pytz.utc.localize(intervention.date_start).astimezone(tz).date()
            end = pytz.utc.localize(intervention.date_end).astimezone(tz).date()
            current = max(start, first)
            while current <= min(end, last):
                per_day[current].append(intervention)
                current += timedelta(days=1)
        days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
        step = timedelta(days=7) if mode == "week" else None
        if mode == "week":
            previous_day, next_day = anchor - step, anchor + step
        else:
            previous_day = (anchor.replace(day=1) - timedelta(days=1)).replace(day=1)
            next_day = (anchor.replace(day=28) + timedelta(days=4)).replace(day=1)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "intervention",
                "mode": mode,
                "anchor": anchor,
                "weeks": [days[i : i + 7] for i in range(0, len(days), 7)],
                "per_day": per_day,
                "previous_day": previous_day,
                "next_day": next_day,
                "today": fields.Date.context_today(request.env.user),
            }
        )
        return request.render("field_interventions.portal_my_interventions_calendar", values)

    @staticmethod
    def _calendar_range(mode, anchor):
        """First and last day shown: the week of `anchor`, or the whole weeks covering its month."""
        if mode == "week":
            first = anchor - timedelta(days=anchor.weekday())
            return first, first + timedelta(days=6)
        month_first = anchor.replace(day=1)
        month_last = date(anchor.year, anchor.month, calendar.monthrange(anchor.year, anchor.month)[1])
        first = month_first - timedelta(days=month_first.weekday())
        last = month_last + timedelta(days=6 - month_last.weekday())
        return first, last

    # ------------------------------------------------------------
    # REQUEST FORM
    # ------------------------------------------------------------

    @http.route("/my/interventions/request", type="http", auth="user", methods=["GET", "POST"], website=True)
    def portal_intervention_request(self, description="", urgency="normal", site_id="", plant_id="", **kw):
        # Only what the form offers is read: a state or technicians sent along are ignored.
        contact = request.env.user.partner_id
        if not contact._portal_has_access():
            raise Forbidden()
        values = self._prepare_intervention_request_values(contact, description, urgency, site_id, plant_id)
        if request.httprequest.method != "POST":
            return request.render("field_interventions.portal_intervention_request", values)
        try:
            files = upload.read_uploads(request.env, request.httprequest.files.getlist("files"))
            with request.env.cr.savepoint():
                intervention_sudo = (
                    request.env[MODEL]
                    .sudo()
                    ._portal_create_request(
                        contact,
                        description,
                        urgency=urgency,
                        site_id=self._request_int(site_id),
                        plant_id=self._request_int(plant_id),
                        files=files,
                    )
                )
        except (UserError, ValidationError) as error:
            values["error"] = error.args[0]
            status = error.http_status if isinstance(error, upload.UploadRefused) else 400
            return request.render("field_interventions.portal_intervention_request", values, status=status)
        return request.redirect(f"/my/interventions/{intervention_sudo.id}?message=request_sent")

    def _prepare_intervention_request_values(self, contact, description, urgency, site_id, plant_id):
        customer = contact.commercial_partner_id
        max_bytes, allowed, max_files = upload.upload_limits(request.env)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "intervention_request",
                "sites": request.env["res.partner"]
                .sudo()
                .search([("parent_id", "=", customer.id), ("type", "in", ("other", "delivery"))]),
                "plants": request.env["field.plant"].sudo().search([("partner_id", "=", customer.id)]),
                "urgencies": request.env[MODEL]._fields["urgency"]._description_selection(request.env),
                "description": description,
                "urgency": urgency,
                "site_id": self._request_int(site_id),
                "plant_id": self._request_int(plant_id),
                "max_mb": round(max_bytes / 1024 / 1024, 1),
                "max_files": max_files,
                "accept": ",".join(f".{ext}" for ext in sorted(allowed)),
            }
        )
        return values

    @staticmethod
    def _request_int(value):
        """An id sent by the form, or None (a non-number is no choice; the model checks ownership)."""
        try:
            return int(value) if value else None
        except (TypeError, ValueError):
            return -1

    # ------------------------------------------------------------
    # ICAL FEED (a secret URL per contact, for their calendar app)
    # ------------------------------------------------------------

    @http.route("/my/interventions/feed", type="http", auth="user", methods=["POST"], website=True)
    def portal_intervention_feed_reset(self, revoke=None, **kw):
        partner = request.env.user.partner_id
        if partner._intervention_feed_allowed():
            partner._intervention_feed_reset(revoke=bool(revoke))
        return request.redirect("/my/interventions#intervention_feed")

    @http.route("/interventions/feed/<string:token>.ics", type="http", auth="public", website=False)
    def portal_intervention_feed(self, token, **kw):
        partner = request.env["res.partner"].sudo().search([("intervention_feed_token", "=", token)], limit=1)
        if not token or not partner or not partner._intervention_feed_allowed():
            return request.not_found()
        return request.make_response(
            partner._intervention_feed_interventions()._ics_content(),
            headers=[("Content-Type", "text/calendar; charset=utf-8")],
        )

    # ------------------------------------------------------------
    # ONE INTERVENTION
    # ------------------------------------------------------------

    @http.route("/my/interventions/<int:intervention_id>", type="http", auth="public", website=True)
    def portal_intervention_page(
        self, intervention_id, access_token=None, report_type=None, download=False, message=False, **kw
    ):
        intervention_sudo, error = self._intervention_check_access(intervention_id, access_token)
        if error:
            return error
        if report_type in ("html", "pdf", "text"):
            return self._show_report(
                model=intervention_sudo, report_type=report_type, report_ref=REPORT_REF, download=download
            )
        values = {
            "intervention": intervention_sudo,
            "message": message,
            "page_name": "intervention",
            "report_type": "html",
            "res_company": intervention_sudo.company_id,
        }
        values = self._get_page_view_values(
            intervention_sudo, access_token, values, "my_interventions_history", False, **kw
        )
        return request.render("field_interventions.portal_intervention_page", values)

    @http.route("/my/interventions/<int:intervention_id>/sign", type="jsonrpc", auth="public", website=True)
    def portal_intervention_sign(self, intervention_id, access_token=None, name=None, signature=None):
        return self._portal_sign_document(
            MODEL,
            intervention_id,
            access_token,
            name,
            signature,
            invalid_message=request.env._("This link is not valid for this intervention."),
        )

    @http.route(
        "/my/interventions/<int:intervention_id>/attachments/<int:attachment_id>",
        type="http",
        auth="public",
        website=True,
    )
    def portal_intervention_attachment(self, intervention_id, attachment_id, access_token=None, **kw):
        intervention_sudo, error = self._intervention_check_access(intervention_id, access_token)
        if error:
            return error
        # Only the intervention's own files: looked up inside the checked intervention.
        attachment = (intervention_sudo.attachment_ids | intervention_sudo.signed_pdf_id).filtered(
            lambda a: a.id == attachment_id
        )
        if not attachment:
            return self._intervention_error_page(request.env._("This file does not exist (any more)."), 404)
        return attachment_response(attachment)

    @http.route("/my/interventions/<int:intervention_id>/ics", type="http", auth="public", website=True)
    def portal_intervention_ics(self, intervention_id, access_token=None, **kw):
        intervention_sudo, error = self._intervention_check_access(intervention_id, access_token)
        if error:
            return error
        filename = f"{intervention_sudo.name.replace('/', '-')}.ics"
        return request.make_response(
            intervention_sudo._ics_content(),
            headers=[
                ("Content-Type", "text/calendar; charset=utf-8"),
                ("Content-Disposition", f'attachment; filename="{filename}"'),
            ],
        )

    # ------------------------------------------------------------
    # CHECKS AND REPORTS (reserved area only: no token links)
    # ------------------------------------------------------------

    @http.route(["/my/checks", "/my/checks/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_checks(self, page=1, sortby=None, **kw):
        values = self._portal_list_values(
            CHECK_MODEL,
            self._prepare_checks_domain() if request.env[CHECK_MODEL].has_access("read") else [(0, "=", 1)],
            "/my/checks",
            self._get_checks_searchbar_sortings(),
            sortby,
            page,
            "checks",
            "check",
            step=PAGE_SIZE,
        )
        # Read by the rules above; their plants and files are shown with them (portal users read no plant).
        values["checks"] = values["checks"].sudo()
        return request.render("field_interventions.portal_my_checks", values)

    def _check_or_error(self, check_id):
        """The check (sudo) the signed-in contact may see by the record rules, or a 404 page: another
        customer's check, a contact without reserved-area access and the public user learn nothing."""
        try:
            return self._document_or_404(CHECK_MODEL, check_id), None
        except NotFound:
            message = request.env._("This check does not exist or is not yours.")
            return None, self._intervention_error_page(message, 404, page_name="check")

    @http.route("/my/checks/<int:check_id>", type="http", auth="public", website=True)
    def portal_check_page(self, check_id, **kw):
        check_sudo, error = self._check_or_error(check_id)
        if error:
            return error
        values = self._prepare_portal_layout_values()
        values.update({"check": check_sudo, "page_name": "check"})
        return request.render("field_interventions.portal_check_page", values)

    @http.route(
        "/my/checks/<int:check_id>/attachments/<int:attachment_id>", type="http", auth="public", website=True
    )
    def portal_check_attachment(self, check_id, attachment_id, **kw):
        check_sudo, error = self._check_or_error(check_id)
        if error:
            return error
        # Only the check's own files: looked up inside the checked check.
        attachment = check_sudo.attachment_ids.filtered(lambda a: a.id == attachment_id)
        if not attachment:
            return self._intervention_error_page(
                request.env._("This file does not exist (any more)."), 404, page_name="check"
            )
        return attachment_response(attachment)
