import io
import zipfile

from odoo.tests import TransactionCase, tagged

from ..tools import upload
from .common import JPEG, PDF


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
        self.env["ir.config_parameter"].set_param("customer_portal_base.max_file_mb", "0.001")
        with self.assertRaises(upload.UploadTooLarge):
            upload.check_uploads(self.env, [("big.pdf", PDF + b"x" * 2000)])

    def test_setting_cannot_open_unchecked_types(self):
        self.env["ir.config_parameter"].set_param("customer_portal_base.allowed_file_types", "pdf, html, svg")
        _max_bytes, allowed, _max_files = upload.upload_limits(self.env)
        self.assertEqual(allowed, {"pdf"})
        with self.assertRaises(upload.UploadTypeRefused):
            upload.check_uploads(self.env, [("page.html", b"<html></html>")])

    def test_settings_store_the_file_limits(self):
        settings = self.env["res.config.settings"].create(
            {"portal_upload_max_file_mb": 2, "portal_upload_allowed_file_types": "pdf, PNG"}
        )
        settings.execute()
        max_bytes, allowed, _max_files = upload.upload_limits(self.env)
        self.assertEqual(max_bytes, 2 * 1024 * 1024)
        self.assertEqual(allowed, {"pdf", "png"})
