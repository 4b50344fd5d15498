from odoo.tests import JsonRpcException, tagged
from odoo.tools import mute_logger

from .order_page_common import OrderPageCase


@tagged("post_install", "-at_install")
class TestChatRateAndHeartbeatIds(OrderPageCase):
    """A portal user cannot flood an order with chat messages, nor break the heartbeat with an id
    PostgreSQL cannot hold."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._new_portal_user("portal_a3", cls.customer_a, reserved=True)

    def _chat(self, message):
        return self.url_open(
            f"{self.order_url}/events/chat",
            json={"id": 7, "jsonrpc": "2.0", "method": "call", "params": {"message": message}},
        )

    def test_chat_flood_refused_with_429(self):
        limit = self.env["sale.order"]._PORTAL_MAX_EVENTS_PER_HOUR
        # the events the user posted in the last hour, on this order (any order counts)
        order_as_a = self.order_a.with_user(self.portal_user_a).sudo()
        for index in range(limit - 1):
            order_as_a._portal_post_event(self.portal_user_a.partner_id, f"Message {index}")
        self.authenticate("portal_a", "portal_a")
        last = self._chat("The last one allowed")
        self.assertEqual(last.status_code, 200)
        self.assertIn("event", last.json()["result"])
        before = len(self._events())

        flood = self._chat("One too many")
        self.assertEqual(flood.status_code, 429)
        self.assertIn("Too many messages", flood.json()["result"]["error"])
        self.assertEqual(len(self._events()), before, "nothing saved")
        self.assertNotIn("One too many", str(self._events().mapped("body")))
        # the form post (no JavaScript) is refused the same way
        self.assertEqual(self._post_event("Through the form").status_code, 429)
        self.assertEqual(len(self._events()), before)

        # another contact of the customer is not limited by A's messages
        self.authenticate("portal_a3", "portal_a3")
        self.assertEqual(self._chat("From a colleague").status_code, 200)

    @mute_logger("odoo.http")
    def test_heartbeat_ids_out_of_range(self):
        self.authenticate("portal_a", "portal_a")
        self.url_open(self.order_url)
        visit = self.env["sale.order.visit"].search(
            [("order_id", "=", self.order_a.id), ("user_id", "=", self.portal_user_a.id)]
        )
        for visit_id in (99999999999, 2**31, 0, -1, "99999999999", 1e300, [visit.id], None):
            with self.subTest(visit_id=visit_id), self.assertRaises(JsonRpcException) as caught:
                self.make_jsonrpc_request(
                    f"{self.order_url}/heartbeat", {"visit_id": visit_id, "key": visit.sudo().access_key}
                )
            self.assertEqual(caught.exception.code, 404)
        with self.assertRaises(JsonRpcException) as caught:
            self.make_jsonrpc_request(f"{self.order_url}/heartbeat", {"visit_id": visit.id, "key": {"a": 1}})
        self.assertEqual(caught.exception.code, 404)
        # the page's own heartbeat still works
        result = self.make_jsonrpc_request(
            f"{self.order_url}/heartbeat", {"visit_id": visit.id, "key": visit.sudo().access_key}
        )
        self.assertIn(result["status"], ("ok", "throttled"))
