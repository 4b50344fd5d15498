import io
import zipfile

from odoo.tests import TransactionCase, tagged

from ..tools import upload
from .order_page_common import JPEG, PDF, OrderPageCase


def _zip(names):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


@tagged("post_install", "-at_install")
class TestUploadHelper(TransactionCase):
    """The one check of customers' files: judged on the content, not on the name."""

    def test_genuine_files_pass(self):
        upload.check_uploads(
            self.env,
            [
                ("plan.pdf", PDF),
                ("photo.JPG", JPEG),
                ("offer.docx", _zip(["[Content_Types].xml", "word/document.xml"])),
                ("sheet.xlsx", _zip(["[Content_Types].xml", "xl/workbook.xml"])),
                ("archive.zip", _zip(["a.txt"])),
                ("list.csv", "Città;qtà\nBrașov;2\n".encode()),
                ("note.txt", b"call the office"),
            ],
        )

    def test_content_must_match_the_name(self):
        cases = {
            "html renamed pdf": ("invoice.pdf", b"<html><script>alert(1)</script></html>"),
            "html renamed txt": ("notes.txt", b"<html><body><script>alert(1)</script></body></html>"),
            "svg renamed jpg": ("photo.jpg", b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'),
            "program renamed pdf": ("plan.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"),
            "pdf renamed docx": ("offer.docx", PDF),
            "pdf renamed xlsx": ("sheet.xlsx", PDF),
        }
        for name, (filename, content) in cases.items():
            with self.subTest(name), self.assertRaises(upload.UploadTypeRefused) as refusal:
                upload.check_uploads(self.env, [(filename, content)])
            self.assertIn(filename, str(refusal.exception))

    def test_type_count_size_and_empty(self):
        with self.assertRaises(upload.UploadTypeRefused):
            upload.check_uploads(self.env, [("page.html", b"<html></html>")])
        with self.assertRaises(upload.UploadRefused) as refusal:
            upload.check_uploads(
                self.env, [(f"f{i}.pdf", PDF) for i in range(upload.MAX_FILES_PER_UPLOAD + 1)]
            )
        self.assertEqual(refusal.exception.http_status, 400)
        self.assertIn("at most 10 files", str(refusal.exception))
        with self.assertRaises(upload.UploadRefused):
            upload.check_uploads(self.env, [("empty.txt", b"")])
        self.env["ir.config_parameter"].set_param("customer_portal_events.max_file_mb", "0.001")
        with self.assertRaises(upload.UploadTooLarge):
            upload.check_uploads(self.env, [("big.pdf", PDF + b"x" * 2000)])

    def test_setting_cannot_open_unchecked_types(self):
        self.env["ir.config_parameter"].set_param(
            "customer_portal_events.allowed_file_types", "pdf, html, svg"
        )
        _max_bytes, allowed, _max_files = upload.upload_limits(self.env)
        self.assertEqual(allowed, {"pdf"})
        with self.assertRaises(upload.UploadTypeRefused):
            upload.check_uploads(self.env, [("page.html", b"<html></html>")])


@tagged("post_install", "-at_install")
class TestOrderPageUploadLimits(OrderPageCase):
    def _files(self, count, content=PDF, extension="pdf"):
        return [("files", (f"f{i}.{extension}", content, "application/pdf")) for i in range(count)]

    def _order_attachments(self):
        return self.env["ir.attachment"].search_count(
            [("res_model", "=", "sale.order"), ("res_id", "=", self.order_a.id)]
        )

    def test_count_type_and_rate_on_the_route(self):
        self.authenticate("portal_a", "portal_a")
        before = self._order_attachments()
        events = len(self._events())

        too_many = self._post_event("many", files=self._files(upload.MAX_FILES_PER_UPLOAD + 1))
        self.assertEqual(too_many.status_code, 400)
        self.assertIn("at most 10 files", too_many.text)

        disguised = self._post_event("plan", files=self._files(1, b"<html><script>x</script></html>"))
        self.assertEqual(disguised.status_code, 415)
        self.assertIn("is not a PDF file", disguised.text)
        self.assertEqual((self._order_attachments(), len(self._events())), (before, events), "nothing saved")

        # the customer's side uploaded the hour's share already
        self.order_a.with_user(self.portal_user_a).sudo()._portal_post_event(
            self.portal_user_a.partner_id, "", [(f"old{i}.txt", b"old file") for i in range(10)]
        )
        for _batch in range(upload.MAX_FILES_PER_HOUR // 10 - 1):
            self.assertEqual(self._post_event("batch", files=self._files(10)).status_code, 303)
        flood = self._post_event("one more", files=self._files(1))
        self.assertEqual(flood.status_code, 429)
        self.assertIn("Too many files in the last hour", flood.text)
        self.assertEqual(self._order_attachments(), before + upload.MAX_FILES_PER_HOUR)
        # text alone still goes through
        self.assertEqual(self._post_event("Only words").status_code, 303)

    def test_public_token_visitor_is_checked_too(self):
        self.authenticate(None, None)
        response = self._post_event(
            "plan", files=self._files(1, JPEG), access_token=self.order_a.access_token
        )
        self.assertEqual(response.status_code, 415)
        self.assertIn("is not a PDF file", response.text)
