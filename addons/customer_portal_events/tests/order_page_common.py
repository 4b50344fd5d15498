from odoo.addons.customer_portal_base.tests.common import (  # noqa: F401
    JPEG,
    PDF,
    CallKwMixin,
    PortalCustomersCase,
)
from odoo.http import Request
from odoo.tests import HttpCase


class OrderPageCase(PortalCustomersCase, CallKwMixin, HttpCase):
    """Customer A's confirmed order, opened on the portal order page."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        product = cls.env["product.product"].create(
            {"name": "Maintenance visit", "type": "service", "list_price": 80}
        )
        cls.order_a = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer_a.id,
                "user_id": cls.salesman.id,
                "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 2})],
            }
        )
        cls.order_a.action_confirm()
        cls.order_a._portal_ensure_token()
        cls.order_url = f"/my/orders/{cls.order_a.id}"

    def _events(self):
        return self.env["mail.message"].search(self.order_a._portal_events_domain())

    def _post_event(self, message="", files=None, access_token=None):
        data = {"csrf_token": Request.csrf_token(self), "message": message}
        if access_token:
            data["access_token"] = access_token
        return self.url_open(f"{self.order_url}/events", data=data, files=files or {}, allow_redirects=False)

    def _order_page_queries(self):
        """Queries of one warm request of the order page, and the response."""
        self.url_open(self.order_url)  # warm the caches
        start = self.cr.sql_log_count
        response = self.url_open(self.order_url)
        self.assertEqual(response.status_code, 200)
        return self.cr.sql_log_count - start, response

    def _assert_order_page_cost_is_flat(self, add, few, more, message):
        """Open the order page as portal_a after `add(few)`, then after `add(more)`: the same number of
        queries both times. Returns the last response."""
        self.authenticate("portal_a", "portal_a")
        add(few)
        queries_few, _response = self._order_page_queries()
        add(more)
        queries_more, response = self._order_page_queries()
        self.assertEqual(queries_few, queries_more, message)
        return response
