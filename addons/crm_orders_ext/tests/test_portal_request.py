from datetime import date, timedelta

from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.http import Request
from odoo.tests import tagged
from odoo.tools import mute_logger

from .portal_request_common import PortalRequestCase

JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"


@tagged("post_install", "-at_install")
class TestPortalRequest(PortalRequestCase):
    def test_request_without_quote_with_files(self):
        self.authenticate("portal_a", "portal_a")
        self.assertIn('href="/my/orders/request"', self.url_open("/my").text)
        self.assertIn('href="/my/orders/request"', self.url_open("/my/orders").text)
        form = self.url_open("/my/orders/request")
        self.assertEqual(form.status_code, 200)
        self.assertIn("Boiler check", form.text)
        self.assertNotIn("Internal audit", form.text)
        wished = date.today() + timedelta(days=10)
        response = self._post_request(
            lines=[(self.boiler_check.id, 2), (self.filter_kit.id, "1,5")],
            text="Also check the chimney",
            wished_date=wished.isoformat(),
            files=[
                ("files", ("plan.pdf", b"%PDF-1.4 plan", "application/pdf")),
                ("files", ("photo.jpg", JPEG, "image/jpeg")),
            ],
        )
        self.assertEqual(response.status_code, 303, response.text[:500])
        order = self._requests_of(self.customer_a)
        self.assertEqual(len(order), 1)
        self.assertIn(f"/my/orders/{order.id}", response.headers["Location"])
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.contact_person_id, self.portal_user_a.partner_id)
        self.assertEqual(order.user_id, self.salesman)
        self.assertEqual(order.pricelist_id, self.pricelist_a)
        self.assertEqual(order.commitment_date.date(), wished)
        product_lines = order.order_line.filtered("product_id")
        self.assertEqual(product_lines.mapped("product_uom_qty"), [2.0, 1.5])
        # the customer's pricelist, not the list price
        self.assertEqual(product_lines.mapped("price_unit"), [90.0, 30.0])
        self.assertEqual(order.order_line.filtered("display_type").name, "Also check the chimney")
        # a new opportunity of the customer's contact
        self.assertEqual(order.opportunity_id.partner_id, self.portal_user_a.partner_id)
        self.assertEqual(order.opportunity_id.type, "opportunity")
        activity = order.activity_ids
        self.assertEqual(activity.user_id, self.salesman)
        self.assertEqual(activity.summary, "Order request from the portal")
        attachments = self.env["ir.attachment"].search(
            [("res_model", "=", "sale.order"), ("res_id", "=", order.id)]
        )
        self.assertEqual(sorted(attachments.mapped("name")), ["photo.jpg", "plan.pdf"])
        self.assertEqual(
            attachments.filtered(lambda a: a.name == "plan.pdf").raw,
            b"%PDF-1.4 plan",
        )
        self.assertIn(self.portal_user_a.partner_id, order.message_partner_ids)
        # the customer follows the request in their orders
        page = self.url_open(response.headers["Location"])
        self.assertEqual(page.status_code, 200)
        self.assertIn("We received your request", page.text)
        self.assertIn(order.name, self.url_open("/my/orders").text)

    def test_request_from_opportunity(self):
        opportunity = self.env["crm.lead"].create(
            {
                "name": "Heating of the new building",
                "type": "opportunity",
                "partner_id": self.customer_a.id,
                "user_id": self.salesman.id,
            }
        )
        self.authenticate("portal_a", "portal_a")
        form = self.url_open(f"/my/orders/request?opportunity_id={opportunity.id}")
        self.assertIn("Heating of the new building", form.text)
        response = self._post_request(text="Two more radiators", opportunity_id=opportunity.id)
        self.assertEqual(response.status_code, 303, response.text[:500])
        order = self._requests_of(self.customer_a)
        self.assertEqual(order.opportunity_id, opportunity)
        self.assertEqual(
            self.env["crm.lead"].search_count([("partner_id", "child_of", self.customer_a.id)]), 1
        )

    def test_customer_discount_applies(self):
        self.env["res.partner.discount"].create(
            {"partner_id": self.customer_a.id, "value_type": "percent", "value": 10.0, "threshold": 100.0}
        )
        self.authenticate("portal_a", "portal_a")
        response = self._post_request(lines=[(self.boiler_check.id, 3)])
        self.assertEqual(response.status_code, 303, response.text[:500])
        order = self._requests_of(self.customer_a)
        self.assertTrue(order.partner_discount_id)
        # 3 x 90 (pricelist) less 10%
        self.assertAlmostEqual(order.amount_untaxed, 243.0)

    def test_ask_for_changes(self):
        quote = self.env["sale.order"].create(
            {
                "partner_id": self.customer_a.id,
                "user_id": self.salesman.id,
                "order_line": [Command.create({"product_id": self.boiler_check.id})],
            }
        )
        quote.action_quotation_sent()
        self.authenticate("portal_a", "portal_a")
        page = self.url_open(f"/my/orders/{quote.id}")
        self.assertIn("Ask for changes", page.text)
        url = f"/my/orders/{quote.id}/changes"
        csrf = Request.csrf_token(self)
        response = self.url_open(url, data={"csrf_token": csrf, "message": "  "}, allow_redirects=False)
        self.assertIn("message=changes_empty", response.headers["Location"])
        self.assertFalse(quote.activity_ids)
        response = self.url_open(
            url, data={"csrf_token": csrf, "message": "Two visits a year, please"}, allow_redirects=False
        )
        self.assertIn("message=changes_sent", response.headers["Location"])
        message = quote.message_ids.filtered(lambda m: m.author_id == self.portal_user_a.partner_id)
        self.assertIn("Two visits a year, please", message.body)
        self.assertEqual(quote.activity_ids.user_id, self.salesman)
        self.assertIn("Changes asked by", quote.activity_ids.summary)
        self.assertEqual(quote.state, "sent")


@tagged("post_install", "-at_install")
class TestPortalRequestAccess(PortalRequestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.request_a = cls.env["sale.order"]._portal_create_request(
            cls.portal_user_a.partner_id, [(cls.boiler_check.id, 1.0)], text="Alfa secret request"
        )
        cls.quote_a = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer_a.id,
                "order_line": [Command.create({"product_id": cls.boiler_check.id})],
            }
        )
        cls.quote_a.action_quotation_sent()

    @mute_logger("odoo.http")
    def test_no_reserved_area_no_order(self):
        self.authenticate("portal_a2", "portal_a2")
        self.assertEqual(self.url_open("/my/orders/request").status_code, 403)
        self.assertEqual(self._post_request(text="Let me in").status_code, 403)
        self.assertEqual(self.url_open(f"/my/orders/{self.request_a.id}").status_code, 404)
        orders_page = self.url_open("/my/orders").text
        self.assertNotIn(self.request_a.name, orders_page)
        self.assertNotIn("/my/orders/request", orders_page)
        self.assertNotIn("/my/orders/request", self.url_open("/my").text)
        response = self.url_open(
            f"/my/orders/{self.quote_a.id}/changes",
            data={"csrf_token": Request.csrf_token(self), "message": "Cheaper"},
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self._requests_of(self.customer_a), self.request_a)
        self.assertFalse(self.quote_a.activity_ids)

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_other_customer_out_of_reach(self):
        opportunity_a = self.request_a.opportunity_id
        self.authenticate("portal_b", "portal_b")
        self.assertEqual(self.url_open(f"/my/orders/{self.request_a.id}").status_code, 404)
        self.assertNotIn(self.request_a.name, self.url_open("/my/orders").text)
        self.assertEqual(
            self.url_open(f"/my/orders/request?opportunity_id={opportunity_a.id}").status_code, 404
        )
        response = self._post_request(text="On A's opportunity", opportunity_id=opportunity_a.id)
        self.assertEqual(response.status_code, 404)
        response = self.url_open(
            f"/my/orders/{self.quote_a.id}/changes",
            data={"csrf_token": Request.csrf_token(self), "message": "Cheaper"},
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(self.quote_a.activity_ids)
        # a forged partner id is ignored: the request is always B's own
        response = self._post_request(text="For Alfa", partner_id=self.customer_a.id)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(self._requests_of(self.customer_a), self.request_a)
        self.assertEqual(len(self._requests_of(self.customer_b)), 1)
        with self.assertRaises(AccessError):
            self.request_a.with_user(self.portal_user_b).read(["name"])
        with self.assertRaises(AccessError):
            opportunity_a.with_user(self.portal_user_b).read(["name"])
        # the portal users never create orders themselves: only the checked route does, in sudo
        with self.assertRaises(AccessError):
            self.env["sale.order"].with_user(self.portal_user_a).create({"partner_id": self.customer_a.id})

    @mute_logger("odoo.http")
    def test_public_and_csrf(self):
        response = self.url_open("/my/orders/request", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])
        self.authenticate("portal_a", "portal_a")
        response = self.url_open("/my/orders/request", data={"text": "No token"}, allow_redirects=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._requests_of(self.customer_a), self.request_a)


@tagged("post_install", "-at_install")
class TestPortalRequestBadInput(PortalRequestCase):
    def _counts(self):
        return (
            self.env["sale.order"].search_count([]),
            self.env["crm.lead"].with_context(active_test=False).search_count([]),
            self.env["ir.attachment"].search_count([("res_model", "=", "sale.order")]),
        )

    def test_bad_input_kept_and_nothing_saved(self):
        self.env["ir.config_parameter"].set_param("customer_portal_base.max_file_mb", "0.001")
        yesterday = (date.today() - timedelta(days=2)).isoformat()
        big = [("files", ("huge.pdf", b"x" * 2000, "application/pdf"))]
        cases = {
            "no line and no text": ({}, "Add at least one product"),
            "quantity zero": ({"lines": [(self.boiler_check.id, 0)]}, "greater than zero"),
            "negative quantity": ({"lines": [(self.boiler_check.id, -2)]}, "greater than zero"),
            "no quantity": ({"lines": [(self.boiler_check.id, "")]}, "Give a quantity"),
            "not orderable": ({"lines": [(self.internal_audit.id, 1)]}, "cannot be ordered from the portal"),
            "forged product": ({"lines": [(999999, 1)]}, "cannot be ordered from the portal"),
            "wished date in the past": ({"text": "Soon", "wished_date": yesterday}, "cannot be in the past"),
            "oversize file": ({"text": "See the plan", "files": big}, "huge.pdf is too large"),
        }
        self.authenticate("portal_a", "portal_a")
        before = self._counts()
        for name, (kwargs, error) in cases.items():
            with self.subTest(name):
                kwargs = dict(kwargs)
                kwargs.setdefault("text", "Kept text " + name)
                if name == "no line and no text":
                    kwargs["text"] = ""
                response = self._post_request(**kwargs)
                self.assertEqual(response.status_code, 413 if name == "oversize file" else 400)
                self.assertIn(error, response.text)
                # the form comes back with what was typed
                if kwargs["text"]:
                    self.assertIn(kwargs["text"], response.text)
                self.assertEqual(self._counts(), before)

    def test_check_cost_flat_with_more_lines(self):
        parts = self.env["product.product"].create(
            [{"name": f"Part {i}", "type": "consu", "portal_orderable": True} for i in range(30)]
        )
        SaleOrder = self.env["sale.order"].with_user(self.portal_user_a).sudo()

        def queries(count):
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            SaleOrder._portal_check_request([(part.id, 1.0) for part in parts[:count]], "", None, [])
            return self.cr.sql_log_count - start

        queries(1)  # warm the caches
        few, many = queries(2), queries(30)
        self.assertGreater(few, 0)
        self.assertEqual(few, many)
        self.assertLessEqual(many, 3)
