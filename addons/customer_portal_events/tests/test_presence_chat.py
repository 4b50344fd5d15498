import json
from datetime import timedelta

from odoo import fields
from odoo.tests import JsonRpcException, tagged

from .order_page_common import OrderPageCase


@tagged("post_install", "-at_install")
class TestPresenceAndChat(OrderPageCase):
    def _bus_notifications(self, notification_type, subchannel):
        self.env.cr.precommit.run()
        channel = json.dumps(
            [self.env.cr.dbname, "sale.order", self.order_a.id, subchannel], separators=(",", ":")
        )
        notifications = self.env["bus.bus"].sudo().search([("channel", "=", channel)])
        return [
            json.loads(n.message)["payload"]
            for n in notifications
            if json.loads(n.message)["type"] == notification_type
        ]

    def _move_back(self, visit, **fields_delta):
        """Age the visits: as if their start / last heartbeat happened that many seconds earlier."""
        assignments = ", ".join(
            f"{name} = {name} - interval '{delta} seconds'" for name, delta in fields_delta.items()
        )
        self.env.cr.execute(f"UPDATE sale_order_visit SET {assignments} WHERE id = ANY(%s)", [visit.ids])
        visit.invalidate_recordset()
        self.order_a.invalidate_recordset(["portal_online_since", "portal_online_names"])

    def _heartbeat(self, visit):
        return self.make_jsonrpc_request(
            f"{self.order_url}/heartbeat", {"visit_id": visit.id, "key": visit.sudo().access_key}
        )

    def test_presence_appears_and_expires(self):
        self.authenticate("portal_a", "portal_a")
        self.url_open(self.order_url)
        visit = self.order_a.portal_visit_ids
        self.assertEqual(visit.user_id, self.portal_user_a)
        self.assertTrue(self.order_a.portal_online_since, "staff see the customer online")
        self.assertIn(self.portal_user_a.partner_id.name, self.order_a.portal_online_names)
        presence = self._bus_notifications("customer_portal_events/presence", "staff")
        self.assertEqual(presence[-1]["visit_id"], visit.id)
        self.assertFalse(self._bus_notifications("customer_portal_events/presence", "customer"))

        # A flood of heartbeats: only one every 10 seconds counts, no new row.
        self.assertEqual(self._heartbeat(visit)["status"], "throttled")
        self.assertEqual(self._heartbeat(visit)["status"], "throttled")
        self._move_back(visit, last_seen=25, start=300)
        self.assertEqual(self._heartbeat(visit)["status"], "ok")
        self.assertEqual(len(self.order_a.portal_visit_ids), 1)
        visit.invalidate_recordset()
        self.assertAlmostEqual(visit.duration, 5, delta=0.2)
        self.assertEqual(len(self._bus_notifications("customer_portal_events/presence", "staff")), 2)

        # The customer leaves: one minute after the last heartbeat they are no longer online.
        self._move_back(visit, last_seen=61)
        self.assertFalse(self.order_a.portal_online_since)
        self.assertFalse(visit.is_online)

    def test_two_users_online(self):
        portal_a3 = self._new_portal_user("portal_a3", self.customer_a, reserved=True)
        for login in ("portal_a", "portal_a3"):
            self.authenticate(login, login)
            self.url_open(self.order_url)
        visits = self.order_a.portal_visit_ids
        self.assertEqual(len(visits), 2)
        visit_a = visits.filtered(lambda v: v.user_id == self.portal_user_a)
        visit_a3 = visits - visit_a
        self.assertIn(self.portal_user_a.partner_id.name, self.order_a.portal_online_names)
        self.assertIn(portal_a3.partner_id.name, self.order_a.portal_online_names)

        # Both pages beat through the route; staff get a presence notification for each visit.
        self._move_back(visits, last_seen=30)
        self.assertEqual(self._heartbeat(visit_a3)["status"], "ok")
        # Another user's visit key does not extend their visit.
        with self.assertRaises(JsonRpcException):
            self._heartbeat(visit_a)
        self.authenticate("portal_a", "portal_a")
        self.assertEqual(self._heartbeat(visit_a)["status"], "ok")
        notified = {
            p["visit_id"] for p in self._bus_notifications("customer_portal_events/presence", "staff")
        }
        self.assertEqual(notified, set(visits.ids))

        # portal_a3 closes the page: a minute later only portal_a is online.
        self._move_back(visit_a3, last_seen=61)
        self.assertEqual(self.order_a.portal_online_names, self.portal_user_a.partner_id.name)

    def test_heartbeat_costs_at_most_three_queries(self):
        Visit = self.env["sale.order.visit"]
        visit, key = Visit._register_view(self.order_a, self.portal_user_a)
        self._move_back(visit, last_seen=30)
        self.env.flush_all()
        self.env.cr.precommit.run()
        with self.assertQueryCount(3):
            self.assertEqual(Visit.with_user(self.portal_user_a)._heartbeat(visit.id, key), "ok")
            self.env.cr.precommit.run()  # the bus notification's INSERT, done at commit
        with self.assertQueryCount(2):
            self.assertEqual(Visit.with_user(self.portal_user_a)._heartbeat(visit.id, key), "throttled")

    def test_view_statistics_two_visits_with_durations(self):
        self.authenticate("portal_a", "portal_a")
        self.url_open(self.order_url)
        first = self.order_a.portal_visit_ids
        self._move_back(first, start=600, last_seen=20)
        self._heartbeat(first)
        self.url_open(self.order_url)  # a reload continues the visit
        first.invalidate_recordset()
        self.assertEqual(first.view_count, 2)
        self.assertAlmostEqual(first.duration, 10, delta=0.2)

        self._move_back(first, start=3 * 3600, last_seen=2 * 3600)  # left two hours ago
        self.url_open(self.order_url)
        visits = self.order_a.portal_visit_ids
        self.assertEqual(len(visits), 2, "a new visit after a long pause")
        second = visits - first
        self.assertEqual(second.view_count, 1)
        self.assertLess(second.duration, 1)
        self.order_a.invalidate_recordset(["portal_visit_count"])
        self.assertEqual(self.order_a.portal_visit_count, 3)
        action = self.order_a.action_view_portal_visits()
        self.assertEqual(self.env["sale.order.visit"].search(action["domain"]), visits)

    def test_chat_both_ways(self):
        self.authenticate("portal_a", "portal_a")
        result = self.make_jsonrpc_request(f"{self.order_url}/events/chat", {"message": "Are you there?"})
        self.assertEqual(result["event"]["author"], self.portal_user_a.partner_id.name)
        to_staff = self._bus_notifications("customer_portal_events/event", "staff")
        self.assertTrue(to_staff[-1]["from_customer"])
        self.assertIn("Are you there?", to_staff[-1]["body"])
        self.assertIn("Are you there?", self.order_a.message_ids[:1].body, "kept on the order's chatter")

        # Staff answer from the chatter: the customer's page gets it live.
        self.order_a.with_user(self.salesman).message_post(
            body="Yes, on my way", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        to_customer = self._bus_notifications("customer_portal_events/event", "customer")
        self.assertIn("Yes, on my way", to_customer[-1]["body"])
        self.assertFalse(to_customer[-1]["from_customer"])
        # Internal notes never reach the customer.
        self.order_a.with_user(self.salesman).message_post(
            body="Secret note", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        bodies = [p["body"] for p in self._bus_notifications("customer_portal_events/event", "customer")]
        self.assertFalse([b for b in bodies if "Secret note" in b])

    def test_send_portal_link(self):
        self.order_a.partner_id = self.portal_user_a.partner_id
        self.order_a.with_user(self.salesman).action_send_portal_link()
        message = self.order_a.message_ids[:1]
        self.assertIn(self.portal_user_a.partner_id, message.partner_ids)
        self.assertIn(f"/my/orders/{self.order_a.id}?access_token={self.order_a.access_token}", message.body)
        mail = self.env["mail.mail"].sudo().search([("mail_message_id", "=", message.id)])
        self.assertTrue(mail, "an e-mail goes out")
        self.assertTrue(fields.Datetime.now() - message.date < timedelta(minutes=1))

    def test_tour_staff_see_the_customer_online(self):
        self.env["sale.order.visit"]._register_view(self.order_a, self.portal_user_a)
        self.start_tour(
            f"/odoo/action-sale.action_orders/{self.order_a.id}",
            "customer_portal_events_order_presence",
            login="salesman",
        )
