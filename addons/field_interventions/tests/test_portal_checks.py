from datetime import timedelta

from odoo import fields
from odoo.addons.customer_portal_base.tests.common import CallKwMixin
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import InterventionsCase


@tagged("post_install", "-at_install")
class TestPortalChecks(CallKwMixin, HttpCase, InterventionsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.intervention_a = cls._done_intervention(contact_id=cls.contact_a.id)
        Check = cls.env["field.check"]
        today = fields.Date.today()
        cls.check_a = Check.create(
            {
                "name": "Fire safety certificate Alfa",
                "partner_id": cls.customer_a.id,
                "site_id": cls.site_a.id,
                "plant_id": cls.plant_a.id,
                "intervention_id": cls.intervention_a.id,
                "date": today,
                "next_date": today + timedelta(days=180),
                "notes": "<p>Compliant: all extinguishers charged.</p>",
            }
        )
        cls.file_a = cls._attach(cls.check_a, "certificate-a.pdf", b"%PDF-1.4 certificate of A")
        cls.check_a.attachment_ids = cls.file_a
        cls.check_b = Check.create(
            {"name": "Lift inspection Beta", "partner_id": cls.customer_b.id, "plant_id": cls.plant_b.id}
        )
        cls.file_b = cls._attach(cls.check_b, "lift-b.pdf", b"%PDF-1.4 certificate of B")
        cls.check_b.attachment_ids = cls.file_b

    def _urls(self, check, attachment):
        return [f"/my/checks/{check.id}", f"/my/checks/{check.id}/attachments/{attachment.id}"]

    def _assert_out_of_reach(self, check, attachment):
        for url in self._urls(check, attachment):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertIn(response.status_code, (403, 404), url)
                self.assertNotIn(check.name, response.text)
                self.assertNotIn("certificate of", response.text)

    def test_own_checks_listed_with_their_documents(self):
        self.authenticate("portal_a", "portal_a")
        home = self.url_open("/my")
        self.assertIn("/my/checks", home.text)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["check_count"]})
        self.assertEqual(counters["check_count"], 1)
        listing = self.url_open("/my/checks")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.check_a.name, listing.text)
        self.assertNotIn(self.check_b.name, listing.text)
        self.assertIn('href="/my/checks"', self.url_open("/my/interventions").text, "linked from the list")
        page = self.url_open(f"/my/checks/{self.check_a.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("all extinguishers charged", page.text)
        self.assertIn(f"/my/checks/{self.check_a.id}/attachments/{self.file_a.id}", page.text)
        report_url = f"/my/interventions/{self.intervention_a.id}?report_type=pdf&amp;download=true"
        self.assertIn(report_url, page.text)
        download = self.url_open(f"/my/checks/{self.check_a.id}/attachments/{self.file_a.id}")
        self.assertEqual(download.status_code, 200)
        self.assertEqual(download.content, b"%PDF-1.4 certificate of A")
        # Through the shared download helper: always a download, sandboxed.
        self.assertTrue(download.headers["Content-Disposition"].startswith("attachment"))
        self.assertEqual(download.headers["Content-Security-Policy"], "default-src 'none'; sandbox")

    def test_other_customer_and_files_out_of_reach(self):
        self.authenticate("portal_b", "portal_b")
        self._assert_out_of_reach(self.check_a, self.file_a)
        # The own check's URL with another check's file: not served.
        response = self.url_open(f"/my/checks/{self.check_b.id}/attachments/{self.file_a.id}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(b"certificate of A", response.content)
        self.assertNotIn(self.check_a.name, self.url_open("/my/checks").text)

    def test_contact_without_reserved_area_sees_nothing(self):
        self.authenticate("portal_a2", "portal_a2")
        self._assert_out_of_reach(self.check_a, self.file_a)
        self.assertNotIn(self.check_a.name, self.url_open("/my/checks").text)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["check_count"]})
        self.assertEqual(counters["check_count"], 0)

    def test_public_user_out_of_reach(self):
        self._assert_out_of_reach(self.check_a, self.file_a)
        response = self.url_open("/my/checks", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.http")
    def test_orm_refuses_other_customer_and_writes(self):
        Check = self.env["field.check"]
        self.assertEqual(Check.with_user(self.portal_user_a).search([]), self.check_a)
        self.assertFalse(Check.with_user(self.portal_user_a2).search([]))
        with self.assertRaises(AccessError):
            self.check_b.with_user(self.portal_user_a).read(["name"])
        with self.assertRaises(AccessError):
            self.check_a.with_user(self.portal_user_a).write({"next_date": False})
        self.authenticate("portal_a", "portal_a")
        forged = [{"name": "Forged", "partner_id": self.customer_a.id}]
        for method, args in (
            ("read", [[self.check_b.id], ["name"]]),
            ("write", [[self.check_a.id], {"next_date": False}]),
            ("create", forged),
            ("unlink", [[self.check_a.id]]),
        ):
            with self.subTest(method=method):
                self.assertEqual(
                    self._call_kw_refused("field.check", method, args), "odoo.exceptions.AccessError"
                )
        self.assertTrue(self.check_a.exists().next_date)

    def test_intervention_of_another_customer_refused(self):
        with self.assertRaises(ValidationError):
            self.check_b.intervention_id = self.intervention_a
