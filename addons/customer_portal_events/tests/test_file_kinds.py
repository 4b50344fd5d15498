from odoo.addons.customer_portal_base.tests.common import PortalCustomersCase
from odoo.exceptions import AccessError
from odoo.http import Request
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .order_page_common import JPEG, PDF, OrderPageCase


@tagged("post_install", "-at_install")
class TestFileKindsBackend(PortalCustomersCase, HttpCase):
    """Staff set the kind of an order's files; the order's files are listed grouped by kind."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls.env["sale.order"].create(
            {"partner_id": cls.customer_a.id, "user_id": cls.salesman.id}
        )
        cls.drawing = cls.env.ref("customer_portal_events.file_kind_drawing")
        cls.photo = cls.env.ref("customer_portal_events.file_kind_photo")

    def test_starting_kinds_in_order(self):
        kinds = self.env["file.kind"].search([])
        self.assertEqual(
            kinds[:4].mapped("name"), ["Drawings", "Photos", "Invoices", "Signed documents"], "by sequence"
        )

    def test_salesman_sets_kinds_and_sees_them_grouped(self):
        message = self.order.with_user(self.salesman).message_post(
            body="Plans and photos",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachments=[("plan.pdf", b"plan"), ("site.jpg", b"jpg"), ("misc.txt", b"x")],
        )
        plan, site = (
            message.attachment_ids.filtered(lambda a, n=name: a.name == n)
            for name in ("plan.pdf", "site.jpg")
        )
        self.assertEqual(self.order.order_file_count, 3)

        action = self.order.with_user(self.salesman).action_view_order_files()
        self.assertEqual(action["context"]["group_by"], ["file_kind_id"])
        Files = self.env["ir.attachment"].with_user(self.salesman).with_context(**action["context"])
        # The kind is editable in the smart button's list, which saves with a write as the salesman.
        view = Files.get_views([(action["view_id"][0], "list")])
        self.assertIn('name="file_kind_id"', view["views"]["list"]["arch"])
        Files.browse(plan.id).write({"file_kind_id": self.drawing.id})
        Files.browse(site.id).write({"file_kind_id": self.photo.id})

        groups = Files._read_group(action["domain"], ["file_kind_id"], ["__count"])
        self.assertEqual(
            [(kind, count) for kind, count in groups],
            [(self.drawing, 1), (self.photo, 1), (self.env["file.kind"], 1)],
            "grouped by kind in the kinds' order, files without a kind apart",
        )

    def test_files_uploaded_from_the_list_belong_to_the_order(self):
        action = self.order.action_view_order_files()
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.salesman)
            .with_context(**action["context"])
            .create({"name": "drawing.pdf", "raw": b"pdf", "file_kind_id": self.drawing.id})
        )
        self.assertEqual((attachment.res_model, attachment.res_id), ("sale.order", self.order.id))
        self.assertEqual(self.order.order_file_count, 1)

    def test_tour_salesman_sets_the_kind(self):
        self.order.message_post(
            body="Site plan", message_type="comment", attachments=[("site-plan.pdf", b"%PDF plan")]
        )
        self.start_tour(
            f"/odoo/action-sale.action_orders/{self.order.id}",
            "customer_portal_events_order_files",
            login="salesman",
        )
        plan = self.env["ir.attachment"].search(
            [("res_model", "=", "sale.order"), ("res_id", "=", self.order.id), ("name", "=", "site-plan.pdf")]
        )
        self.assertEqual(plan.file_kind_id, self.drawing)

    @mute_logger("odoo.addons.base.models.ir_model", "odoo.addons.base.models.ir_rule")
    def test_portal_users_cannot_change_kinds_at_orm_level(self):
        with self.assertRaises(AccessError):
            self.drawing.with_user(self.portal_user_a).write({"name": "Mine"})
        with self.assertRaises(AccessError):
            self.env["file.kind"].with_user(self.salesman).create({"name": "Other"})
        attachment = self.env["ir.attachment"].create(
            {"name": "a.pdf", "raw": b"a", "res_model": "sale.order", "res_id": self.order.id}
        )
        with self.assertRaises(AccessError):
            attachment.with_user(self.portal_user_b).write({"file_kind_id": self.photo.id})
        self.assertFalse(attachment.file_kind_id)


@tagged("post_install", "-at_install")
class TestFileKindsPortal(OrderPageCase):
    """The customer sends files with a kind, sees the page's files grouped by kind and changes the kind of
    their own files; nobody else can."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.drawing = cls.env.ref("customer_portal_events.file_kind_drawing")
        cls.photo = cls.env.ref("customer_portal_events.file_kind_photo")
        cls.invoice = cls.env.ref("customer_portal_events.file_kind_invoice")

    def _set_kind(self, attachment_id, kind_id, order=None, access_token=None):
        data = {"csrf_token": Request.csrf_token(self), "file_kind_id": kind_id}
        if access_token:
            data["access_token"] = access_token
        url = f"/my/orders/{(order or self.order_a).id}/files/{attachment_id}/kind"
        return self.url_open(url, data=data, allow_redirects=False)

    def _staff_files(self):
        """An invoice shared with the customer and a file of an internal note."""
        shared = self.order_a.with_user(self.salesman).message_post(
            body="Your invoice",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachments=[("invoice.pdf", b"invoice")],
        )
        shared.attachment_ids.file_kind_id = self.invoice
        note = self.order_a.with_user(self.salesman).message_post(
            body="internal",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            attachments=[("secret.pdf", b"x")],
        )
        return shared.attachment_ids, note.attachment_ids

    def test_upload_with_kind_and_grouping_on_the_page(self):
        shared, secret = self._staff_files()
        self.authenticate("portal_a", "portal_a")
        response = self._post_event("Plans", files={"files": ("plan.pdf", PDF, "application/pdf")})
        self.assertEqual(response.status_code, 303)
        response = self.url_open(
            f"{self.order_url}/events",
            data={"csrf_token": Request.csrf_token(self), "message": "Photo", "file_kind_id": self.photo.id},
            files={"files": ("site.jpg", JPEG, "image/jpeg")},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 303)
        site = self._events()[:1].attachment_ids
        self.assertEqual(site.file_kind_id, self.photo)
        plan = self._events()[1:2].attachment_ids
        self.assertFalse(plan.file_kind_id)

        groups = self.order_a._portal_files_by_kind()
        self.assertEqual(
            [(name, files.mapped("name")) for name, files in groups],
            [("Photos", ["site.jpg"]), ("Invoices", ["invoice.pdf"]), ("Other files", ["plan.pdf"])],
        )
        page = self.url_open(self.order_url).text
        self.assertIn('id="order_files"', page)
        page = page[page.index('id="order_files"') :]
        self.assertLess(page.index(">Photos<"), page.index("site.jpg"))
        self.assertLess(page.index("site.jpg"), page.index(">Invoices<"))
        self.assertNotIn("secret.pdf", page, "internal notes' files are not shown")
        self.assertNotIn(f"/files/{shared.id}/kind", page, "staff's files keep their kind")
        self.assertIn(f"/files/{site.id}/kind", page, "the customer may change the kind of their files")
        self.assertFalse(secret.file_kind_id)

    def test_customer_changes_the_kind_of_their_file(self):
        event = self.order_a._portal_post_event(self.portal_user_a.partner_id, "", [("plan.pdf", PDF)])
        plan = event.attachment_ids
        self.authenticate("portal_a", "portal_a")
        response = self._set_kind(plan.id, self.drawing.id)
        self.assertEqual(response.status_code, 303)
        self.assertEqual(plan.file_kind_id, self.drawing)
        self.assertEqual(self._set_kind(plan.id, "").status_code, 303)
        self.assertFalse(plan.file_kind_id)

    @mute_logger("odoo.http")
    def test_forged_kind_and_foreign_files_are_refused(self):
        shared, secret = self._staff_files()
        event = self.order_a._portal_post_event(
            self.portal_user_a.partner_id, "", [("plan.pdf", PDF)], file_kind_id=self.drawing.id
        )
        plan = event.attachment_ids
        order_b = self.env["sale.order"].create({"partner_id": self.customer_b.id})
        foreign = order_b._portal_post_event(
            self.portal_user_b.partner_id, "", [("b.pdf", PDF)]
        ).attachment_ids
        self.authenticate("portal_a", "portal_a")
        before = len(self._events())

        for forged in ("999999", "abc"):
            self.assertEqual(self._set_kind(plan.id, forged).status_code, 400)
            response = self.url_open(
                f"{self.order_url}/events",
                data={"csrf_token": Request.csrf_token(self), "message": "x", "file_kind_id": forged},
                files={"files": ("x.pdf", PDF, "application/pdf")},
                allow_redirects=False,
            )
            self.assertEqual(response.status_code, 400)
            self.assertIn("does not exist", response.text)
        self.photo.active = False
        self.assertEqual(self._set_kind(plan.id, self.photo.id).status_code, 400, "archived kind")
        self.assertEqual(plan.file_kind_id, self.drawing, "nothing changed")
        self.assertEqual(len(self._events()), before, "nothing posted")

        self.assertEqual(self._set_kind(shared.id, self.drawing.id).status_code, 404, "staff's file")
        self.assertEqual(self._set_kind(secret.id, self.drawing.id).status_code, 404, "internal note's file")
        self.assertEqual(self._set_kind(foreign.id, self.drawing.id).status_code, 404, "another order's file")
        self.assertEqual(
            self._set_kind(foreign.id, self.drawing.id, order=order_b).status_code,
            403,
            "another customer's order",
        )
        self.assertEqual(
            (shared.file_kind_id, secret.file_kind_id, foreign.file_kind_id),
            (self.invoice,) + (self.env["file.kind"],) * 2,
        )

    @mute_logger("odoo.http")
    def test_other_customer_cannot_see_or_change_kinds(self):
        event = self.order_a._portal_post_event(
            self.portal_user_a.partner_id,
            "",
            [("a-plan.pdf", PDF)],
            file_kind_id=self.drawing.id,
        )
        plan = event.attachment_ids
        for login in ("portal_b", "portal_a2"):
            self.authenticate(login, login)
            page = self.url_open(self.order_url)
            self.assertNotIn('id="order_files"', page.text)
            self.assertNotIn("a-plan.pdf", page.text)
            self.assertEqual(self._set_kind(plan.id, self.photo.id).status_code, 403)
        self.assertEqual(plan.file_kind_id, self.drawing)

    def test_valid_token_changes_kinds_with_the_customer(self):
        plan = self.order_a._portal_post_event(self.customer_a, "", [("plan.pdf", PDF)]).attachment_ids
        token = self.order_a.access_token
        self.authenticate(None, None)
        self.assertEqual(self._set_kind(plan.id, self.photo.id, access_token="forged").status_code, 403)
        response = self._set_kind(plan.id, self.photo.id, access_token=token)
        self.assertEqual(response.status_code, 303)
        self.assertIn(f"access_token={token}", response.headers["Location"])
        self.assertEqual(plan.file_kind_id, self.photo)

    def test_files_section_cost_is_flat(self):
        kinds = self.drawing | self.photo | self.invoice

        def add_files(count):
            for i in range(count):
                self.order_a._portal_post_event(
                    self.portal_user_a.partner_id,
                    "",
                    [(f"f{i}.pdf", PDF)],
                    file_kind_id=kinds[i % 3].id,
                )

        response = self._assert_order_page_cost_is_flat(
            add_files, 3, 30, "the files section costs the same queries with 3 and 33 files"
        )
        self.assertEqual(response.text.count('class="o_order_files_group '), 3)
        self.assertEqual(response.text.count('class="o_order_file '), 33)
