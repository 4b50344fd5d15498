import secrets
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import MissingError
from odoo.tools import SQL

# A reload of the page within this gap continues the same visit (one more view, no new row).
VISIT_GAP = timedelta(minutes=30)
# The customer counts as online while the last heartbeat is more recent than this.
ONLINE_WINDOW = timedelta(seconds=60)
# The page beats every 20 s; beats closer than this are ignored (no write, no notification).
HEARTBEAT_MIN_INTERVAL = timedelta(seconds=10)


class SaleOrderVisit(models.Model):
    """One visit of a portal user on an order's portal page: start, last heartbeat, views."""

    _name = "sale.order.visit"
    _description = "Order page visit"
    _order = "start desc, id desc"

    order_id = fields.Many2one("sale.order", required=True, ondelete="cascade", index=True)
    customer_id = fields.Many2one(
        "res.partner",
        string="Customer",
        related="order_id.partner_id.commercial_partner_id",
        store=True,
    )
    user_id = fields.Many2one("res.users", string="Portal user", required=True, ondelete="cascade")
    partner_id = fields.Many2one(related="user_id.partner_id", string="Contact", store=True)
    start = fields.Datetime(required=True, default=fields.Datetime.now, readonly=True)
    last_seen = fields.Datetime(
        string="Last seen",
        required=True,
        default=fields.Datetime.now,
        readonly=True,
        help="Last heartbeat of the page: the end of the visit once the customer has left.",
    )
    duration = fields.Float(string="Duration (minutes)", readonly=True, aggregator="sum")
    view_count = fields.Integer(string="Views", default=1, readonly=True, aggregator="sum")
    # Secret given to the page that opened the visit: the heartbeat needs it (no access check query).
    access_key = fields.Char(
        string="Access key", required=True, readonly=True, groups="base.group_system", copy=False
    )
    is_online = fields.Boolean(string="Online", compute="_compute_is_online")

    _order_user_seen_idx = models.Index("(order_id, user_id, last_seen DESC)")

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    @api.depends("last_seen")
    def _compute_is_online(self):
        limit = fields.Datetime.now() - ONLINE_WINDOW
        for visit in self:
            visit.is_online = visit.last_seen >= limit

    # ------------------------------------------------------------
    # HELPERS
    # ------------------------------------------------------------

    @api.model
    def _register_view(self, order, user):
        """Count a page view of `order` by the portal `user`: continue the recent visit (one query) or
        open one. Returns (visit, access key); staff are told when the customer comes online."""
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """
                WITH recent AS (
                    SELECT id, last_seen
                      FROM sale_order_visit
                     WHERE order_id = %(order)s AND user_id = %(uid)s AND last_seen >= %(gap)s
                  ORDER BY last_seen DESC
                     LIMIT 1
                )
                UPDATE sale_order_visit visit
                   SET view_count = visit.view_count + 1,
                       last_seen = %(now)s,
                       duration = EXTRACT(EPOCH FROM (%(now)s - visit.start)) / 60.0
                  FROM recent
                 WHERE visit.id = recent.id
             RETURNING visit.id, visit.access_key, recent.last_seen
                """,
                order=order.id,
                uid=user.id,
                gap=now - VISIT_GAP,
                now=now,
            )
        )
        row = self.env.cr.fetchone()
        if row:
            visit, key = self.sudo().browse(row[0]), row[1]
            visit.invalidate_recordset(["view_count", "last_seen", "duration"])
            was_online = row[2] >= now - ONLINE_WINDOW
        else:
            key = secrets.token_urlsafe(24)
            visit = self.sudo().create({"order_id": order.id, "user_id": user.id, "access_key": key})
            was_online = False
        if not was_online:
            order._portal_presence_notify(visit)
        return visit, key

    @api.model
    def _heartbeat(self, visit_id, access_key):
        """Extend the visit `visit_id` of the current user; at most 3 queries, no new row.

        Returns "ok" or "throttled" (too close to the previous beat); raises MissingError when the visit
        is not the current user's or the key is wrong.
        """
        if not isinstance(visit_id, int) or not 0 < visit_id < 2**31 or not isinstance(access_key, str):
            # an id PostgreSQL's integer cannot hold (or a key of another type) is no visit: no query
            raise MissingError(self.env._("This visit does not exist."))
        now = fields.Datetime.now()
        self.env.cr.execute(
            SQL(
                """
                UPDATE sale_order_visit
                   SET last_seen = %(now)s,
                       duration = EXTRACT(EPOCH FROM (%(now)s - start)) / 60.0
                 WHERE id = %(id)s AND user_id = %(uid)s AND access_key = %(key)s AND last_seen < %(limit)s
             RETURNING order_id, start
                """,
                now=now,
                id=visit_id,
                uid=self.env.uid,
                key=access_key or "",
                limit=now - HEARTBEAT_MIN_INTERVAL,
            )
        )
        row = self.env.cr.fetchone()
        if not row:
            self.env.cr.execute(
                SQL(
                    "SELECT 1 FROM sale_order_visit WHERE id = %s AND user_id = %s AND access_key = %s",
                    visit_id,
                    self.env.uid,
                    access_key or "",
                )
            )
            if not self.env.cr.fetchone():
                raise MissingError(self.env._("This visit does not exist."))
            return "throttled"
        self.browse(visit_id).invalidate_recordset(["last_seen", "duration"])
        order = self.env["sale.order"].browse(row[0])
        order._bus_send(
            "customer_portal_events/presence",
            {
                "order_id": order.id,
                "visit_id": visit_id,
                "start": fields.Datetime.to_string(row[1]),
                "last_seen": fields.Datetime.to_string(now),
            },
            subchannel="staff",
        )
        return "ok"
