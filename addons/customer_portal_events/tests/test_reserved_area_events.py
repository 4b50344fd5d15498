from odoo.exceptions import AccessError
from odoo.tests import JsonRpcException, tagged
from odoo.tools import mute_logger

from .order_page_common import OrderPageCase


@tagged("post_install", "-at_install")
class TestReservedAreaEvents(OrderPageCase):
    """The customer's order events belong to the reserved area: a contact of the same customer without
    it reads none, neither on the order page (even through the order list's links, which carry the
    token) nor through the ORM, JSON-RPC or the stock chatter routes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.event = cls.order_a._portal_post_event(
            cls.portal_user_a.partner_id, "Private event of A", [("a-plan.txt", b"plan of A")]
        )
        # a staff reply is part of the order's stock discussion, readable by every contact (Odoo's rules)
        cls.reply = cls.order_a.message_post(
            body="Public reply of the staff", message_type="comment", subtype_xmlid="mail.mt_comment"
        )

    def _message_domain(self):
        return [("model", "=", "sale.order"), ("res_id", "=", self.order_a.id)]

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.mail.models.mail_message")
    def test_orm_hides_the_events(self):
        Message = self.env["mail.message"]
        found = Message.with_user(self.portal_user_a2).search(self._message_domain())
        self.assertNotIn(self.event, found)
        self.assertIn(self.reply, found, "the stock discussion stays theirs")
        with self.assertRaises(AccessError):
            self.event.with_user(self.portal_user_a2).read(["body"])
        # the allowed contact and staff still read them
        self.assertIn(self.event, Message.with_user(self.portal_user_a).search(self._message_domain()))
        self.assertIn(self.event, Message.with_user(self.salesman).search(self._message_domain()))
        self.event.with_user(self.portal_user_a).read(["body"])

    @mute_logger("odoo.http")
    def test_jsonrpc_and_chatter_routes_return_no_event(self):
        self.authenticate("portal_a2", "portal_a2")
        rows = self._call_kw("mail.message", "search_read", [self._message_domain(), ["body"]])
        self.assertNotIn(self.event.id, [row["id"] for row in rows])
        with self.assertRaises(JsonRpcException):
            self._call_kw("mail.message", "read", [[self.event.id], ["body"]])
        orders = self._call_kw(
            "sale.order", "read", [[self.order_a.id], ["website_message_ids", "message_ids"]]
        )
        self.assertNotIn(self.event.id, orders[0]["website_message_ids"] + orders[0]["message_ids"])
        thread = self.make_jsonrpc_request(
            "/mail/thread/messages", {"thread_model": "sale.order", "thread_id": self.order_a.id}
        )
        self.assertNotIn(self.event.id, thread["messages"])
        for token in (None, self.order_a.access_token):
            params = {"thread_model": "sale.order", "thread_id": self.order_a.id}
            if token:
                params["token"] = token
            chatter = self.make_jsonrpc_request("/mail/chatter_fetch", params)
            self.assertNotIn(self.event.id, chatter["messages"])
            self.assertNotIn("Private event of A", str(chatter["data"]))

    @mute_logger("odoo.http")
    def test_order_list_link_with_token_shows_no_event(self):
        self.authenticate("portal_a2", "portal_a2")
        token = self.order_a.access_token
        page = self.url_open(f"{self.order_url}?access_token={token}")
        self.assertEqual(page.status_code, 200, "the stock page stays open to them")
        self.assertNotIn('id="order_events"', page.text)
        self.assertNotIn("Private event of A", page.text)
        self.assertIn(self._post_event("intrusion", access_token=token).status_code, (403, 404))
        download = self.url_open(
            f"{self.order_url}/events/file/{self.event.attachment_ids.id}?access_token={token}"
        )
        self.assertIn(download.status_code, (403, 404))
        # the allowed contact sees them, token or not; the e-mail link still works for the public user
        self.authenticate("portal_a", "portal_a")
        self.assertIn("Private event of A", self.url_open(f"{self.order_url}?access_token={token}").text)
        self.authenticate(None, None)
        self.assertIn("Private event of A", self.url_open(f"{self.order_url}?access_token={token}").text)

    def test_allowed_contact_reads_the_events_over_rpc(self):
        self.authenticate("portal_a", "portal_a")
        thread = self.make_jsonrpc_request(
            "/mail/thread/messages", {"thread_model": "sale.order", "thread_id": self.order_a.id}
        )
        self.assertIn(self.event.id, thread["messages"])

    def test_event_mails_skip_contacts_without_reserved_area(self):
        flagged = self._new_portal_user("portal_a3", self.customer_a, reserved=True)
        self.order_a.message_subscribe(
            partner_ids=(self.portal_user_a2.partner_id | flagged.partner_id | self.salesman.partner_id).ids
        )
        event = self.order_a._portal_post_event(self.portal_user_a.partner_id, "Another private event")
        notified = event.notification_ids.res_partner_id
        self.assertNotIn(self.portal_user_a2.partner_id, notified)
        self.assertIn(flagged.partner_id, notified)
        self.assertIn(self.salesman.partner_id, notified)
        # the stock discussion still reaches every follower
        reply = self.order_a.message_post(
            body="Reply", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertIn(self.portal_user_a2.partner_id, reply.notification_ids.res_partner_id)
