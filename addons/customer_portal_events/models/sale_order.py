from markupsafe import Markup

from odoo import api, fields, models
from odoo.addons.customer_portal_base.tools import upload
from odoo.exceptions import MissingError, ValidationError
from odoo.tools import SQL, consteq, format_datetime
from odoo.tools.mail import plaintext2html

from .sale_order_visit import ONLINE_WINDOW

EVENTS_PAGE_SIZE = 20
MESSAGE_MAX_CHARS = 10000


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "bus.listener.mixin"]
    # Events a portal user (or the holder of an order's link, per order) may post in an hour.
    _PORTAL_MAX_EVENTS_PER_HOUR = 30

    # ------------------------------------------------------------
    # FIELDS: view statistics and presence
    # ------------------------------------------------------------

    # Sales users only (the visits' rules tell whose orders): not billing or project users reading orders.
    portal_visit_ids = fields.One2many(
        "sale.order.visit", "order_id", string="Portal visits", groups="sales_team.group_sale_salesman"
    )
    portal_visit_count = fields.Integer(
        compute="_compute_portal_visit_count", string="Portal views", groups="sales_team.group_sale_salesman"
    )
    portal_online_since = fields.Datetime(
        compute="_compute_portal_online",
        string="Customer online since",
        help="Set while a portal user of the customer has the order page open.",
        groups="sales_team.group_sale_salesman",
    )
    portal_online_names = fields.Char(
        compute="_compute_portal_online", string="Customer online", groups="sales_team.group_sale_salesman"
    )

    # ------------------------------------------------------------
    # FIELDS: files by kind
    # ------------------------------------------------------------

    order_file_count = fields.Integer(compute="_compute_order_file_count", string="Files")

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    def _portal_visits_visible(self):
        """Whether the visit statistics are computed: for server code (sudo) and for sales users, as
        themselves, so the visits' rules tell whose orders; not for billing or project users."""
        return self.env.su or self.env.user.has_group("sales_team.group_sale_salesman")

    def _compute_portal_visit_count(self):
        counts = {}
        if self._portal_visits_visible():
            counts = dict(
                self.env["sale.order.visit"]._read_group(
                    [("order_id", "in", self.ids)], ["order_id"], ["view_count:sum"]
                )
            )
        for order in self:
            order.portal_visit_count = counts.get(order._origin, 0)

    def _compute_order_file_count(self):
        counts = dict(
            self.env["ir.attachment"]._read_group(
                [("res_model", "=", "sale.order"), ("res_id", "in", self.ids)], ["res_id"], ["__count"]
            )
        )
        for order in self:
            order.order_file_count = counts.get(order._origin.id, 0)

    def _compute_portal_online(self):
        online = self.env["sale.order.visit"]
        if self._portal_visits_visible():
            online = online.search(
                [("order_id", "in", self.ids), ("last_seen", ">=", fields.Datetime.now() - ONLINE_WINDOW)]
            )
        for order in self:
            visits = online.filtered(lambda v, o=order: v.order_id == o._origin)
            order.portal_online_since = min(visits.mapped("start")) if visits else False
            order.portal_online_names = ", ".join(sorted(set(visits.partner_id.mapped("name")))) or False

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_send_portal_link(self):
        """E-mail the order's portal page link to the customer contact, in one click."""
        template = self.env.ref("customer_portal_events.mail_template_order_portal_link")
        for order in self:
            order._portal_ensure_token()
            order.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {"type": "success", "message": self.env._("The order's link has been sent.")},
        }

    def action_view_portal_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "customer_portal_events.action_sale_order_visit"
        )
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"default_order_id": self.id}
        return action

    def action_view_order_files(self):
        """The order's files grouped by kind, with the kind editable in the list."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("customer_portal_events.action_order_files")
        action["domain"] = [("res_model", "=", "sale.order"), ("res_id", "=", self.id)]
        action["context"] = {
            "default_res_model": "sale.order",
            "default_res_id": self.id,
            "group_by": ["file_kind_id"],
        }
        return action

    # ------------------------------------------------------------
    # PORTAL EVENTS
    # ------------------------------------------------------------

    def _portal_events_allowed(self, user, access_token=None):
        """Whether `user` (or the holder of `access_token`) may see and post the order's events.

        Portal users must belong to the order's customer and have reserved-area access, whatever link
        they came from (the order list's links carry the token too); internal users need read access
        to the order; the public user needs the order's valid access token.
        """
        self.ensure_one()
        if user.share and not user._is_public():
            return (
                user.partner_id.commercial_partner_id == self.partner_id.commercial_partner_id
                and user._portal_area_allowed()
            )
        if access_token:
            return bool(self.access_token) and consteq(self.access_token, access_token)
        if not user.share:
            return self.with_user(user).has_access("read")
        return False

    def _portal_events_domain(self):
        # Public discussion of the order: the customer's events and staff messages, never internal notes.
        return [
            ("model", "=", "sale.order"),
            ("res_id", "=", self.id),
            ("message_type", "in", ("comment", "email")),
            ("is_internal", "=", False),
            ("subtype_id.internal", "=", False),
        ]

    def _portal_events_page(self, page=1, limit=EVENTS_PAGE_SIZE):
        """One page of events, newest first, in one query whatever the number of events.

        Returns (events, more): events as dicts (id, date, author, body, files: [(id, name)]), more
        tells whether older events follow.
        """
        self.ensure_one()
        page = max(1, page)
        ids_query = (
            self.env["mail.message"]
            .sudo()
            ._search(
                self._portal_events_domain(), order="id desc", limit=limit + 1, offset=(page - 1) * limit
            )
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT m.id, m.date, m.body, COALESCE(p.name, m.email_from),
                       COALESCE(json_agg(json_build_array(a.id, a.name) ORDER BY a.id)
                                FILTER (WHERE a.id IS NOT NULL), '[]')
                  FROM mail_message m
             LEFT JOIN res_partner p ON p.id = m.author_id
             LEFT JOIN message_attachment_rel rel ON rel.message_id = m.id
             LEFT JOIN ir_attachment a ON a.id = rel.attachment_id
                 WHERE m.id IN %s
              GROUP BY m.id, p.name
              ORDER BY m.id DESC
                """,
                ids_query.subselect(),
            )
        )
        rows = self.env.cr.fetchall()
        tz = self.env.user.tz or self.env.context.get("tz") or "UTC"
        events = [
            {
                "id": row[0],
                "date": format_datetime(self.env, row[1], tz=tz, dt_format="short"),
                # Stored bodies are sanitized HTML (customer text is escaped before posting).
                "body": Markup(row[2] or ""),
                "author": row[3] or "",
                "files": row[4],
            }
            for row in rows[:limit]
        ]
        return events, len(rows) > limit

    @api.model
    def _portal_event_file_limits(self):
        """(maximum size in bytes, allowed extensions) of the files posted on the order page."""
        max_bytes, allowed, _max_files = upload.upload_limits(self.env)
        return max_bytes, allowed

    def _portal_check_event(self, message, files):
        """Raise a ValidationError (an upload.UploadRefused for the files) when the event cannot be
        posted: empty or too long text, files refused by the portal's upload check or too frequent."""
        if not (message or "").strip() and not files:
            raise ValidationError(self.env._("Write a message or attach a file."))
        if len(message or "") > MESSAGE_MAX_CHARS:
            raise ValidationError(
                self.env._("The message is too long (at most %(count)s characters).", count=MESSAGE_MAX_CHARS)
            )
        upload.check_uploads(self.env, files)
        upload.check_upload_rate(self.env, self._name, self.id, len(files))
        self._portal_check_event_rate()

    def _portal_check_event_rate(self):
        """Refuse (HTTP 429) one more event from the current user past _PORTAL_MAX_EVENTS_PER_HOUR in
        the last hour, on all orders; the public user (links with a token) counts per order. Staff (and
        the code posting as them) are not limited."""
        if not self.env.user.share:
            return
        domain = [
            ("model", "=", self._name),
            ("message_type", "=", "comment"),
            ("subtype_id", "=", self.env.ref("customer_portal_events.mt_order_event").id),
        ]
        if self.env.user._is_public():
            domain.append(("res_id", "=", self.id))
        upload.check_hourly_rate(
            self.env,
            "mail.message",
            domain,
            self._PORTAL_MAX_EVENTS_PER_HOUR,
            lambda: self.env._(
                "Too many messages in the last hour (at most %(count)s). Try again later.",
                count=self._PORTAL_MAX_EVENTS_PER_HOUR,
            ),
        )

    def _portal_post_event(self, author, message, files=(), file_kind_id=None):
        """Post a customer event (text, escaped, and files as attachments) on the order's chatter.

        `files` is a list of (file name, content bytes), all of the kind `file_kind_id` (an id as
        posted, optional). Validates everything before writing anything.
        """
        self.ensure_one()
        files = [(name, raw) for name, raw in files if name]
        kind = self._portal_file_kind(file_kind_id)
        self._portal_check_event(message, files)
        message = (message or "").strip()
        event = (
            self.sudo()
            .with_context(mail_create_nosubscribe=True)
            .message_post(
                author_id=author.id,
                body=plaintext2html(message) if message else "",
                attachments=files,
                message_type="comment",
                subtype_xmlid="customer_portal_events.mt_order_event",
            )
        )
        if kind:
            event.attachment_ids.sudo().file_kind_id = kind
        return event

    def _portal_event_values(self, message):
        """What the order page shows of an event (rendered by QWeb and sent on the bus)."""
        return {
            "id": message.id,
            "author": message.author_id.name or message.email_from or "",
            "date": fields.Datetime.to_string(message.date),
            "body": str(message.body or ""),
            "from_customer": bool(message.author_id) and message.author_id.partner_share,
            "attachments": [
                {"id": att.id, "name": att.name, "url": f"/my/orders/{self.id}/events/file/{att.id}"}
                for att in message.attachment_ids
            ],
        }

    def _message_post_after_hook(self, message, msg_vals):
        res = super()._message_post_after_hook(message, msg_vals)
        subtype = message.subtype_id
        if message.message_type in ("comment", "email") and not message.is_internal and not subtype.internal:
            # Live on the customer's page and in the staff's backend (chat both ways through the bus).
            values = self._portal_event_values(message)
            self._bus_send("customer_portal_events/event", values, subchannel="customer")
            self._bus_send("customer_portal_events/event", values, subchannel="staff")
        return res

    def _notify_get_recipients(self, message, msg_vals=False, **kwargs):
        recipients = super()._notify_get_recipients(message, msg_vals=msg_vals, **kwargs)
        subtype_id = (msg_vals or {}).get("subtype_id") or message.sudo().subtype_id.id
        event = self.env.ref("customer_portal_events.mt_order_event", raise_if_not_found=False)
        if not event or subtype_id != event.id:
            return recipients
        # An event reaches by e-mail only the contacts who may read it on the page.
        contacts = self.env["res.partner"].sudo().browse([r["id"] for r in recipients if r.get("share")])
        refused = set(contacts.filtered(lambda p: not p.is_company and not p._portal_has_access()).ids)
        return [r for r in recipients if r["id"] not in refused]

    def _portal_presence_notify(self, visit):
        self._bus_send(
            "customer_portal_events/presence",
            {
                "order_id": self.id,
                "visit_id": visit.id,
                "name": visit.partner_id.name,
                "start": fields.Datetime.to_string(visit.start),
                "last_seen": fields.Datetime.to_string(visit.last_seen),
            },
            subchannel="staff",
        )

    # ------------------------------------------------------------
    # PORTAL FILES BY KIND
    # ------------------------------------------------------------

    @api.model
    def _portal_file_kind(self, file_kind_id):
        """The active kind of id `file_kind_id` (as posted by a form: empty means none), else a
        ValidationError."""
        if not file_kind_id:
            return self.env["file.kind"]
        try:
            kind = self.env["file.kind"].sudo().browse(int(file_kind_id)).exists()
        except (TypeError, ValueError):
            kind = None
        if not kind or not kind.active:
            raise ValidationError(self.env._("This kind of file does not exist."))
        return kind

    def _portal_files(self, extra_domain=()):
        """The order's files the customer may see: those of the events on the page (no internal notes),
        sudo. Two queries whatever the number of events."""
        self.ensure_one()
        messages = self.env["mail.message"].sudo()._search(self._portal_events_domain() + list(extra_domain))
        self.env.cr.execute(
            SQL(
                """SELECT DISTINCT attachment_id FROM message_attachment_rel
                    WHERE message_id IN %s ORDER BY attachment_id""",
                messages.subselect(),
            )
        )
        return self.env["ir.attachment"].sudo().browse([row[0] for row in self.env.cr.fetchall()])

    def _portal_files_by_kind(self):
        """The customer's files grouped by kind, in the kinds' order, files without a kind last:
        [(kind name, attachments)]."""
        files = self._portal_files()
        groups = [
            (kind, files.filtered(lambda a, k=kind: a.file_kind_id == k))
            for kind in files.file_kind_id.sorted()
        ]
        unsorted = files.filtered(lambda a: not a.file_kind_id)
        if unsorted:
            groups.append((self.env["file.kind"], unsorted))
        return [(kind.name or self.env._("Other files"), group) for kind, group in groups]

    def _portal_customer_files(self):
        """The files the customer's side posted on the page: the ones whose kind they may change."""
        return self._portal_files(
            [
                ("subtype_id", "=", self.env.ref("customer_portal_events.mt_order_event").id),
                ("author_id", "child_of", self.partner_id.commercial_partner_id.id),
            ]
        )

    def _portal_set_file_kind(self, attachment_id, file_kind_id):
        """Change the kind of one of the files the customer posted on this order.

        Raises MissingError for any other attachment (another order's, staff's, an internal note's) and
        ValidationError for a kind that does not exist.
        """
        self.ensure_one()
        attachment = self._portal_customer_files().filtered(lambda a: a.id == attachment_id)
        if not attachment:
            raise MissingError(self.env._("This file does not exist or is not yours."))
        attachment.file_kind_id = self._portal_file_kind(file_kind_id)
        return attachment
