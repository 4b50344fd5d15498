from odoo.exceptions import AccessError
from odoo.http import Request
from odoo.tests import JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger

from .order_page_common import OrderPageCase


@tagged("post_install", "-at_install")
class TestOrderPageAccess(OrderPageCase):
    """Customer A's order page events, files, chat, presence and reminders are out of reach of customer
    B's portal user, of A's portal user without reserved area, of the public user and of a forged token."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        event = cls.order_a._portal_post_event(
            cls.portal_user_a.partner_id, "Private event of A", [("a-plan.txt", b"plan of A")]
        )
        cls.attachment = event.attachment_ids
        cls.visit, _key = cls.env["sale.order.visit"]._register_view(cls.order_a, cls.portal_user_a)
        cls.reminder = (
            cls.env["portal.reminder"]
            .with_user(cls.portal_user_a)
            .create({"name": "Call Alfa", "date_remind": "2030-01-01 08:00:00"})
        )

    def _assert_out_of_reach(self, access_token=None):
        query = f"?access_token={access_token}" if access_token else ""
        page = self.url_open(self.order_url + query)
        self.assertNotIn('id="order_events"', page.text)
        self.assertNotIn("Private event of A", page.text)
        self.assertNotIn("a-plan.txt", page.text)

        before = len(self._events())
        self.assertIn(self._post_event("intrusion", access_token=access_token).status_code, (403, 404))
        self.assertEqual(len(self._events()), before)

        download = self.url_open(f"{self.order_url}/events/file/{self.attachment.id}{query}")
        self.assertIn(download.status_code, (403, 404))
        self.assertNotIn(b"plan of A", download.content)

        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                f"{self.order_url}/events/chat", {"message": "intrusion", "access_token": access_token}
            )
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                f"{self.order_url}/heartbeat",
                {"visit_id": self.visit.id, "key": self.visit.sudo().access_key},
            )
        self.assertEqual(len(self._events()), before)

        edit = self.url_open(f"/my/reminders/{self.reminder.id}/edit", allow_redirects=False)
        self.assertIn(edit.status_code, (303, 403, 404))
        self.assertNotIn("Call Alfa", edit.text)
        delete = self.url_open(
            f"/my/reminders/{self.reminder.id}/delete",
            data={"csrf_token": self._csrf_token()},
            allow_redirects=False,
        )
        self.assertIn(delete.status_code, (303, 403, 404))
        self.assertTrue(self.reminder.exists())

    def _csrf_token(self):
        return Request.csrf_token(self)

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_customer_b_portal_user(self):
        self.authenticate("portal_b", "portal_b")
        self._assert_out_of_reach()
        self.assertNotIn("Call Alfa", self.url_open("/my/reminders").text)

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_portal_user_without_reserved_area(self):
        self.authenticate("portal_a2", "portal_a2")
        # The stock page stays open to them (Odoo's own rules); our additions do not.
        self.assertEqual(self.url_open(self.order_url).status_code, 200)
        self._assert_out_of_reach()
        self.assertEqual(self.url_open("/my/reminders").status_code, 403)

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_public_user(self):
        self.authenticate(None, None)
        self._assert_out_of_reach()
        login = self.url_open("/my/reminders", allow_redirects=False)
        self.assertEqual(login.status_code, 303)
        self.assertIn("/web/login", login.headers["Location"])

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_forged_token(self):
        self.authenticate(None, None)
        self._assert_out_of_reach(access_token="forged" + self.order_a.access_token[6:])
        self.authenticate("portal_b", "portal_b")
        self._assert_out_of_reach(access_token="0" * len(self.order_a.access_token))

    def test_valid_token_opens_the_events(self):
        self.authenticate(None, None)
        token = self.order_a.access_token
        page = self.url_open(f"{self.order_url}?access_token={token}")
        self.assertIn("Private event of A", page.text)
        response = self._post_event("From the e-mail link", access_token=token)
        self.assertEqual(response.status_code, 303)
        event = self._events()[:1]
        self.assertIn("From the e-mail link", event.body)
        self.assertEqual(event.author_id, self.customer_a, "a token visitor posts as the order's customer")
        download = self.url_open(f"{self.order_url}/events/file/{self.attachment.id}?access_token={token}")
        self.assertEqual(download.content, b"plan of A")

    def test_live_channels_only_for_allowed_users(self):
        channel = f"customer_portal_events.order_{self.order_a.id}"
        Websocket = self.env["ir.websocket"]
        self.assertEqual(
            Websocket.with_user(self.portal_user_a)._order_page_channels([channel]),
            [(self.order_a, "customer")],
        )
        self.assertEqual(
            Websocket.with_user(self.salesman)._order_page_channels([channel]), [(self.order_a, "staff")]
        )
        for user in (self.portal_user_b, self.portal_user_a2, self.env.ref("base.public_user")):
            self.assertEqual(Websocket.with_user(user)._order_page_channels([channel]), [], user.login)

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_statistics_out_of_reach_at_orm_level(self):
        Visit = self.env["sale.order.visit"]
        for user in (self.portal_user_a, self.portal_user_b):
            with self.assertRaises(AccessError):
                Visit.with_user(user).search([])
        clerk = self._new_internal_user("clerk", "base.group_user")
        with self.assertRaises(AccessError):
            Visit.with_user(clerk).search([])
        other_salesman = self._new_internal_user("salesman2", "sales_team.group_sale_salesman")
        self.assertFalse(Visit.with_user(other_salesman).search([]), "not their order: not their statistics")
        self.assertEqual(Visit.with_user(self.salesman).search([]), self.visit)
        manager = self._new_internal_user("sales_boss", "sales_team.group_sale_salesman_all_leads")
        self.assertEqual(Visit.with_user(manager).search([("order_id", "=", self.order_a.id)]), self.visit)

    def _new_internal_user(self, login, group):
        return new_test_user(self.env, login=login, groups=group)
