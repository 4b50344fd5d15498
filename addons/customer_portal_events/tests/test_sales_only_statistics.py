from odoo.exceptions import AccessError
from odoo.tests import JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger

from .order_page_common import OrderPageCase

STATISTICS = ("portal_visit_count", "portal_visit_ids", "portal_online_since", "portal_online_names")


@tagged("post_install", "-at_install")
class TestSalesOnlyStatistics(OrderPageCase):
    """Users who read every order without Sales rights (billing) see neither the visit statistics nor
    the visitors' names, and do not join the order's staff presence channel; sales users do, each for
    the orders the rules give them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["sale.order.visit"]._register_view(cls.order_a, cls.portal_user_a)
        cls.billing = new_test_user(cls.env, login="billing", groups="account.group_account_invoice")
        cls.channel = f"customer_portal_events.order_{cls.order_a.id}"

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_model")
    def test_billing_user_reads_the_order_not_its_statistics(self):
        order = self.order_a.with_user(self.billing)
        self.assertEqual(order.read(["name"])[0]["name"], self.order_a.name, "they do read orders")
        for field in STATISTICS:
            with self.subTest(field=field):
                with self.assertRaises(AccessError):
                    order.read([field])
                with self.assertRaises(AccessError):
                    self.assertIsNotNone(order[field])
        self.assertFalse(set(STATISTICS) & set(order.fields_get()))
        self.assertEqual(
            self.env["ir.websocket"].with_user(self.billing)._order_page_channels([self.channel]), []
        )

    @mute_logger("odoo.http", "odoo.models", "odoo.addons.base.models.ir_model")
    def test_billing_user_over_jsonrpc(self):
        self.authenticate("billing", "billing")
        for method, args, kwargs in (
            ("read", [[self.order_a.id], ["portal_online_names"]], {}),
            ("web_read", [[self.order_a.id]], {"specification": {"portal_visit_count": {}}}),
            ("search_read", [[("id", "=", self.order_a.id)], ["portal_online_since"]], {}),
        ):
            with self.subTest(method=method), self.assertRaises(JsonRpcException):
                self._call_kw("sale.order", method, args, kwargs)
        views = self._call_kw("sale.order", "get_views", [[[False, "form"]]])
        arch = views["views"]["form"]["arch"]
        self.assertIn('name="partner_id"', arch)
        self.assertNotIn("portal_presence", arch)
        self.assertNotIn("portal_online_names", arch)

    def test_sales_users_see_the_statistics_of_their_orders(self):
        order = self.order_a.with_user(self.salesman)
        self.assertEqual(order.portal_visit_count, 1)
        self.assertEqual(order.portal_online_names, self.portal_user_a.partner_id.name)
        self.assertEqual(
            self.env["ir.websocket"].with_user(self.salesman)._order_page_channels([self.channel]),
            [(self.order_a, "staff")],
        )
        manager = new_test_user(
            self.env, login="all_orders", groups="sales_team.group_sale_salesman_all_leads"
        )
        self.assertEqual(self.order_a.with_user(manager).portal_visit_count, 1)
        # a salesman of his own orders only reads neither this order nor its channel
        other = new_test_user(self.env, login="salesman2", groups="sales_team.group_sale_salesman")
        self.assertEqual(self.env["ir.websocket"].with_user(other)._order_page_channels([self.channel]), [])
