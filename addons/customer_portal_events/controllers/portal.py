from datetime import datetime

import pytz
from werkzeug.exceptions import Forbidden, NotFound, abort

from odoo import http
from odoo.addons.customer_portal_base.controllers.portal import CustomerPortalBase
from odoo.addons.customer_portal_base.tools import download, upload
from odoo.exceptions import MissingError, UserError, ValidationError
from odoo.http import request


class OrderEventsPortal(CustomerPortalBase):
    """The live part of the portal order page (events, files, presence, chat) and personal reminders.

    Odoo merges this class with sale's portal controller (both extend portal's): the order page and its
    values come from sale, this class adds to them.
    """

    # ------------------------------------------------------------
    # ACCESS AND WRITES
    # ------------------------------------------------------------

    def _order_events_sudo(self, order_id, access_token=None):
        """The order (sudo) if the current user may use its events: 404 when missing, else 403."""
        order_sudo = request.env["sale.order"].sudo().browse(order_id).exists()
        if not order_sudo:
            raise NotFound()
        if not order_sudo._portal_events_allowed(request.env.user, access_token=access_token):
            raise Forbidden()
        return order_sudo

    def _my_reminder(self, reminder_id=None):
        """The current user's reminder `reminder_id` (none without an id): 403 without the reserved area,
        404 for another user's (the record rule hides it)."""
        if not request.env.user._portal_area_allowed():
            raise Forbidden()
        Reminder = request.env["portal.reminder"]
        reminder = Reminder.search([("id", "=", reminder_id)]) if reminder_id else Reminder
        if reminder_id and not reminder:
            raise NotFound()
        return reminder

    def _attempt(self, write, refusals=(ValidationError,)):
        """Run `write()` in a savepoint: (its result, None), or (None, the error) when it raises one of
        `refusals`, with all it wrote undone (the route answers the refusal; its transaction commits)."""
        try:
            with request.env.cr.savepoint():
                return write(), None
        except refusals as error:
            return None, error

    # ------------------------------------------------------------
    # ORDER PAGE
    # ------------------------------------------------------------

    def _get_page_view_values(
        self, document, access_token, values, session_history, no_breadcrumbs, **kwargs
    ):
        values = super()._get_page_view_values(
            document, access_token, values, session_history, no_breadcrumbs, **kwargs
        )
        if document._name == "sale.order":
            values.update(
                self._prepare_order_events_values(document, access_token, kwargs.get("events_page"))
            )
        return values

    def _prepare_order_events_values(self, order_sudo, access_token, page):
        user = request.env.user
        token = access_token if access_token and not order_sudo._portal_events_allowed(user) else None
        if not order_sudo._portal_events_allowed(user, access_token=token):
            return {"order_events_allowed": False}
        try:
            page = int(page or 1)
        except ValueError:
            page = 1
        page = max(1, page)
        events, more = order_sudo._portal_events_page(page)
        max_bytes, allowed = order_sudo._portal_event_file_limits()
        values = {
            "order_events_allowed": True,
            "order_file_kinds": request.env["file.kind"].sudo().search([]),
            "order_files_by_kind": order_sudo._portal_files_by_kind(),
            "order_customer_file_ids": set(order_sudo._portal_customer_files().ids),
            "order_events": events,
            "order_events_page": page,
            "order_events_more": more,
            "order_events_token": token,
            "order_events_max_mb": round(max_bytes / 1024 / 1024, 1),
            "order_events_accept": ",".join(f".{ext}" for ext in sorted(allowed)),
        }
        if user.share and not user._is_public() and not token:
            visit, key = request.env["sale.order.visit"]._register_view(order_sudo, user)
            values.update(order_visit_id=visit.id, order_visit_key=key)
        return values

    def _order_page_redirect(self, order_sudo, access_token, anchor):
        query = f"?access_token={access_token}" if access_token else ""
        return request.redirect(f"/my/orders/{order_sudo.id}{query}#{anchor}")

    @http.route(
        "/my/orders/<int:order_id>/events", type="http", auth="public", methods=["POST"], website=True
    )
    def portal_order_event_post(self, order_id, access_token=None, message="", file_kind_id=None, **kwargs):
        order_sudo = self._order_events_sudo(order_id, access_token)
        _event, error = self._attempt(
            lambda: order_sudo._portal_post_event(
                self._order_event_author(order_sudo),
                message,
                upload.read_uploads(request.env, request.httprequest.files.getlist("files")),
                file_kind_id=file_kind_id,
            )
        )
        if error:
            status = error.http_status if isinstance(error, upload.UploadRefused) else 400
            return self._order_event_error(order_sudo, access_token, error, status)
        return self._order_page_redirect(order_sudo, access_token, "order_events")

    def _order_event_error(self, order_sudo, access_token, error, status):
        return request.render(
            "customer_portal_events.portal_order_event_error",
            {"error": error.args[0], "back_url": f"/my/orders/{order_sudo.id}", "access_token": access_token},
            status=status,
        )

    @http.route(
        "/my/orders/<int:order_id>/files/<int:attachment_id>/kind",
        type="http",
        auth="public",
        methods=["POST"],
        website=True,
    )
    def portal_order_file_kind(self, order_id, attachment_id, access_token=None, file_kind_id=None, **kwargs):
        """Change the kind of a file the customer posted on the order (404 for any other file)."""
        order_sudo = self._order_events_sudo(order_id, access_token)
        _file, error = self._attempt(
            lambda: order_sudo._portal_set_file_kind(attachment_id, file_kind_id),
            (MissingError, ValidationError),
        )
        if isinstance(error, MissingError):
            raise NotFound()
        if error:
            return self._order_event_error(order_sudo, access_token, error, 400)
        return self._order_page_redirect(order_sudo, access_token, "order_files")

    @http.route("/my/orders/<int:order_id>/events/chat", type="jsonrpc", auth="public", website=True)
    def portal_order_event_chat(self, order_id, message="", access_token=None):
        """Text message from the page's live chat box: no reload, the event comes back on the bus too."""
        order_sudo = self._order_events_sudo(order_id, access_token)
        event, error = self._attempt(
            lambda: order_sudo._portal_post_event(self._order_event_author(order_sudo), message)
        )
        if isinstance(error, upload.UploadTooFrequent):
            # HTTP 429, with the JSON-RPC answer the page shows like any other refusal
            body = {"jsonrpc": "2.0", "id": request.dispatcher.request_id, "result": {"error": error.args[0]}}
            abort(request.make_json_response(body, status=error.http_status))
        if error:
            return {"error": error.args[0]}
        return {"event": order_sudo._portal_event_values(event)}

    @http.route(
        "/my/orders/<int:order_id>/events/file/<int:attachment_id>",
        type="http",
        auth="public",
        methods=["GET"],
        readonly=True,
    )
    def portal_order_event_file(self, order_id, attachment_id, access_token=None):
        order_sudo = self._order_events_sudo(order_id, access_token)
        message = (
            request.env["mail.message"]
            .sudo()
            .search(order_sudo._portal_events_domain() + [("attachment_ids", "in", [attachment_id])], limit=1)
        )
        if not message:
            raise NotFound()
        attachment = message.attachment_ids.filtered(lambda a: a.id == attachment_id)
        return download.attachment_response(attachment)

    def _order_event_author(self, order_sudo):
        user = request.env.user
        return order_sudo.partner_id if user._is_public() else user.partner_id

    # ------------------------------------------------------------
    # PRESENCE
    # ------------------------------------------------------------

    @http.route("/my/orders/<int:order_id>/heartbeat", type="jsonrpc", auth="user")
    def portal_order_heartbeat(self, order_id, visit_id, key):
        """Called every ~20 s by the open order page. The visit (opened by the page after the access
        check) and its secret key prove the access: no other query."""
        try:
            status = request.env["sale.order.visit"]._heartbeat(int(visit_id), key)
        except (MissingError, ValueError, TypeError, OverflowError):
            raise NotFound() from None
        return {"status": status}

    # ------------------------------------------------------------
    # REMINDERS
    # ------------------------------------------------------------

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "reminder_count" in counters:
            user = request.env.user
            values["reminder_count"] = (
                request.env["portal.reminder"].search_count([("user_id", "=", user.id)])
                if user._portal_area_allowed()
                else 0
            )
        return values

    def _reminder_orders(self):
        partner = request.env.user.partner_id.commercial_partner_id
        return (
            request.env["sale.order"]
            .sudo()
            .search(
                [("partner_id", "child_of", partner.id), ("state", "=", "sale")],
                order="date_order desc",
                limit=100,
            )
        )

    @http.route("/my/reminders", type="http", auth="user", website=True)
    def portal_my_reminders(self, **kwargs):
        self._my_reminder()
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "reminders": request.env["portal.reminder"].search([("user_id", "=", request.env.uid)]),
                "page_name": "reminders",
            }
        )
        return request.render("customer_portal_events.portal_my_reminders", values)

    @http.route(
        ["/my/reminders/new", "/my/reminders/<int:reminder_id>/edit"],
        type="http",
        auth="user",
        methods=["GET", "POST"],
        website=True,
    )
    def portal_reminder_form(self, reminder_id=None, **post):
        reminder = self._my_reminder(reminder_id)
        error = None
        if request.httprequest.method == "POST":
            # UserError: the form's refusals and the ORM's (limits, values a user may not set)
            _saved, refusal = self._attempt(
                lambda: self._reminder_save(reminder, post), (UserError, ValueError)
            )
            if not refusal:
                return request.redirect("/my/reminders")
            error = refusal.args[0] if refusal.args else str(refusal)
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "reminder": reminder,
                "orders": self._reminder_orders(),
                "error": error,
                "post": post,
                "date_value": post.get("date_remind") or self._reminder_format_date(reminder.date_remind),
                "page_name": "reminders",
            }
        )
        return request.render(
            "customer_portal_events.portal_reminder_form", values, status=400 if error else 200
        )

    def _reminder_save(self, reminder, post):
        """Write the form on `reminder`, or create a new one if empty."""
        vals = self._reminder_values(post)
        return reminder.write(vals) if reminder else reminder.create(vals)

    def _reminder_values(self, post):
        name = (post.get("name") or "").strip()
        if not name:
            raise ValidationError(request.env._("Give the reminder a title."))
        try:
            date = self._reminder_parse_date(post.get("date_remind"))
        except (ValueError, TypeError):
            raise ValidationError(request.env._("Give a valid date and time.")) from None
        order_id = int(post.get("order_id") or 0)
        target = False
        if order_id:
            if order_id not in self._reminder_orders().ids:
                raise ValidationError(request.env._("You can only link a reminder to your own orders."))
            target = f"sale.order,{order_id}"
        return {"name": name, "date_remind": date, "note": post.get("note") or False, "target_ref": target}

    def _reminder_tz(self):
        return pytz.timezone(request.env.user.tz or "UTC")

    def _reminder_parse_date(self, value):
        """The form's local "YYYY-MM-DDTHH:MM" in the user's time zone, as a UTC datetime."""
        local = datetime.strptime(value, "%Y-%m-%dT%H:%M")
        return self._reminder_tz().localize(local).astimezone(pytz.utc).replace(tzinfo=None)

    def _reminder_format_date(self, value):
        return value and pytz.utc.localize(value).astimezone(self._reminder_tz()).strftime("%Y-%m-%dT%H:%M")

    @http.route(
        "/my/reminders/<int:reminder_id>/delete", type="http", auth="user", methods=["POST"], website=True
    )
    def portal_reminder_delete(self, reminder_id, **kwargs):
        self._my_reminder(reminder_id).unlink()
        return request.redirect("/my/reminders")
