import io
import zipfile

from odoo.addons.customer_portal_base.tests.common import PDF, CallKwMixin
from odoo.exceptions import AccessError
from odoo.http import Request
from odoo.tests import JsonRpcException, tagged
from odoo.tools import mute_logger

from .portal_request_common import PortalDraftRequestCase


@tagged("post_install", "-at_install")
class TestPortalRequestPrivacy(CallKwMixin, PortalDraftRequestCase):
    """A portal request is its author's while a draft; once the salesperson sends it as a quotation it is
    the customer's like any other, for the contacts with reserved-area access. A contact without it
    (portal_a2) never reads one, through the pages, the order list's token links, the ORM or JSON-RPC."""

    def _assert_out_of_reach_orm(self, user):
        request = self.request_a.with_user(user)
        with self.assertRaises(AccessError):
            request.read(["name"])
        self.assertFalse(self.env["sale.order"].with_user(user).search([("portal_request", "=", True)]))
        lines = self.env["sale.order.line"].with_user(user).search([("order_id", "=", self.request_a.id)])
        self.assertFalse(lines, "not even the text of the request through its lines")
        messages = self.env["mail.message"].with_user(user).search([("res_id", "=", self.request_a.id)])
        self.assertFalse(messages.filtered(lambda m: m.model == "sale.order"))

    def _assert_out_of_reach_http(self, login):
        self.authenticate(login, login)
        for query in ("", f"?access_token={self.request_a.access_token}"):
            page = self.url_open(f"/my/orders/{self.request_a.id}{query}")
            self.assertEqual(page.status_code, 404, query)
            self.assertNotIn("Alfa secret request", page.text)
        self.assertNotIn(self.request_a.name, self.url_open("/my/orders").text)
        rows = self._call_kw("sale.order", "search_read", [[], ["name"]])
        self.assertNotIn(self.request_a.id, [row["id"] for row in rows])
        lines = self._call_kw("sale.order.line", "search_read", [[], ["name"]])
        self.assertNotIn("Alfa secret request", str(lines))
        with self.assertRaises(JsonRpcException):
            self._call_kw("sale.order", "read", [[self.request_a.id], ["name"]])
        try:
            thread = self.make_jsonrpc_request(
                "/mail/thread/messages", {"thread_model": "sale.order", "thread_id": self.request_a.id}
            )
        except JsonRpcException:
            thread = {}
        self.assertNotIn("Alfa secret request", str(thread))
        response = self.url_open(
            f"/my/orders/{self.request_a.id}/changes",
            data={"csrf_token": Request.csrf_token(self), "message": "Cheaper"},
        )
        self.assertIn(response.status_code, (403, 404))

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_draft_request_is_its_authors(self):
        for user in (self.portal_user_a2, self.portal_user_a3, self.portal_user_b):
            with self.subTest(user=user.login):
                self._assert_out_of_reach_orm(user)
                self._assert_out_of_reach_http(user.login)
        self.assertFalse(self.request_a.activity_ids.filtered(lambda a: "Changes" in (a.summary or "")))
        # staff and the author follow it, on the page and over RPC
        self.assertTrue(self.request_a.with_user(self.salesman).read(["name"]))
        self.assertEqual(
            self.request_a.with_user(self.portal_user_a).read(["name"])[0]["name"], self.request_a.name
        )
        self.authenticate("portal_a", "portal_a")
        page = self.url_open(f"/my/orders/{self.request_a.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.request_a.name, self.url_open("/my/orders").text)

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_sent_quotation_is_the_customers(self):
        self.request_a.action_quotation_sent()
        # the colleague with reserved-area access now sees the customer's quotation
        self.assertTrue(self.request_a.with_user(self.portal_user_a3).read(["name"]))
        self.authenticate("portal_a3", "portal_a3")
        self.assertEqual(self.url_open(f"/my/orders/{self.request_a.id}").status_code, 200)
        # the contact without it, and the other customer, still do not
        for user in (self.portal_user_a2, self.portal_user_b):
            with self.subTest(user=user.login):
                self._assert_out_of_reach_orm(user)
                self._assert_out_of_reach_http(user.login)

    @mute_logger("odoo.http", "odoo.models", "odoo.addons.base.models.ir_model")
    def test_timeline_is_internal(self):
        self.request_a.action_quotation_sent()
        order = self.request_a.with_user(self.portal_user_a)
        with self.assertRaises(AccessError):
            order.read(["timeline_html"])
        self.assertNotIn("timeline_html", order.fields_get())
        self.authenticate("portal_a", "portal_a")
        for method, args, kwargs in (
            ("read", [[self.request_a.id], ["timeline_html"]], {}),
            ("web_read", [[self.request_a.id]], {"specification": {"timeline_html": {}}}),
            ("search_read", [[("id", "=", self.request_a.id)], ["timeline_html"]], {}),
        ):
            with self.subTest(method=method), self.assertRaises(JsonRpcException):
                self._call_kw("sale.order", method, args, kwargs)
        # the portal's field list leaves it out; their order stays readable
        self.assertNotIn("timeline_html", self._call_kw("sale.order", "fields_get", [], {}))
        rows = self._call_kw("sale.order", "read", [[self.request_a.id], ["name", "state"]])
        self.assertEqual(rows[0]["name"], self.request_a.name)
        self.assertIn("Quotation created", str(self.request_a.with_user(self.salesman).timeline_html))


@tagged("post_install", "-at_install")
class TestPortalRequestFiles(PortalDraftRequestCase):
    """The files of a request pass the portal's one upload check: type on the content, count, size."""

    def _counts(self):
        return (
            self.env["sale.order"].search_count([]),
            self.env["ir.attachment"].search_count([("res_model", "=", "sale.order")]),
        )

    def test_files_refused_and_nothing_saved(self):
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as handle:
            handle.writestr("plans/a.txt", "plan")
        self.authenticate("portal_a", "portal_a")
        before = self._counts()
        cases = {
            "html page": ([("files", ("page.html", b"<html></html>", "text/html"))], 415, "not accepted"),
            "program renamed pdf": (
                [("files", ("plan.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "application/pdf"))],
                415,
                "is not a PDF file",
            ),
            "script renamed jpg": (
                [("files", ("photo.jpg", b"<html><script>alert(1)</script>", "image/jpeg"))],
                415,
                "is not a JPG file",
            ),
            "too many files": (
                [("files", (f"f{i}.pdf", PDF, "application/pdf")) for i in range(11)],
                400,
                "at most 10 files",
            ),
        }
        for name, (files, status, error) in cases.items():
            with self.subTest(name):
                response = self._post_request(text="Kept text " + name, files=files)
                self.assertEqual(response.status_code, status)
                self.assertIn(error, response.text)
                self.assertIn("Kept text " + name, response.text)
                self.assertEqual(self._counts(), before)
        response = self._post_request(
            text="With a zip",
            files=[("files", ("plans.zip", archive.getvalue(), "application/zip"))],
        )
        self.assertEqual(response.status_code, 303)

    def test_form_announces_the_accepted_types(self):
        self.authenticate("portal_a", "portal_a")
        form = self.url_open("/my/orders/request")
        self.assertIn('accept=".csv,.doc,.docx', form.text)
        self.assertNotIn(".html", form.text.split('id="order_request_files"')[1][:300])
