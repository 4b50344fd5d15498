from odoo.tests import tagged

from .portal_request_common import PortalRequestCase


@tagged("post_install", "-at_install")
class TestPortalRequestTour(PortalRequestCase):
    def test_portal_request_tour(self):
        self.env["product.product"].create(
            {"name": "Tour boiler check", "type": "service", "list_price": 70.0, "portal_orderable": True}
        )
        self.start_tour("/my/orders", "crm_orders_ext_portal_request", login="portal_a")
        order = self._requests_of(self.customer_a)
        self.assertEqual(len(order), 1)
        line = order.order_line.filtered("product_id")
        self.assertEqual((line.product_id.name, line.product_uom_qty), ("Tour boiler check", 2.0))
        self.assertEqual(order.order_line.filtered("display_type").name, "Please come on Monday morning")
