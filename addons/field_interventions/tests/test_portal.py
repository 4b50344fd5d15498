from datetime import timedelta

from odoo import fields, http
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import InterventionsCase, signature_image_b64


class InterventionsPortalCase(HttpCase, InterventionsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.intervention_a = cls._done_intervention(contact_id=cls.contact_a.id)
        cls.attachment_a = cls._attach(cls.intervention_a, "photo-a.txt", b"boiler photo of A")
        cls.intervention_a.attachment_ids = cls.attachment_a
        cls.intervention_b = cls._done_intervention(customer=cls.customer_b)
        cls.intervention_a._portal_ensure_token()
        cls.intervention_b._portal_ensure_token()

    def _urls(self, intervention, token=None):
        """Every page and file of an intervention on the portal."""
        query = f"?access_token={token}" if token else ""
        amp = f"&access_token={token}" if token else ""
        base = f"/my/interventions/{intervention.id}"
        return [
            base + query,
            f"{base}?report_type=pdf&download=true{amp}",
            f"{base}?report_type=html{amp}",
            f"{base}/attachments/{intervention.attachment_ids[:1].id or 0}{query}",
            f"{base}/ics{query}",
        ]

    def _assert_out_of_reach(self, intervention, token=None):
        for url in self._urls(intervention, token):
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertIn(response.status_code, (403, 404), url)
                self.assertIn("This page is not available", response.text)
                self.assertNotIn(intervention.name, response.text)
                self.assertNotIn("Boiler cleaned", response.text)

    def _sign(self, intervention, token=None, name="Anna Alfa", signature=None):
        token = token if token is not None else intervention.access_token
        return self.make_jsonrpc_request(
            f"/my/interventions/{intervention.id}/sign?access_token={token}",
            {"name": name, "signature": signature if signature is not None else signature_image_b64()},
        )


@tagged("post_install", "-at_install")
class TestInterventionPortal(InterventionsPortalCase):
    def test_own_interventions_list_calendar_and_counter(self):
        self.authenticate("portal_a", "portal_a")
        response = self.url_open("/my/interventions")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.intervention_a.name, response.text)
        self.assertNotIn(self.intervention_b.name, response.text)
        day = fields.Date.to_string(self.intervention_a.date_start.date())
        for mode in ("month", "week"):
            response = self.url_open(f"/my/interventions/calendar?mode={mode}&day={day}")
            self.assertEqual(response.status_code, 200)
            self.assertIn(self.intervention_a.name, response.text)
            self.assertNotIn(self.intervention_b.name, response.text)
        # A bad date in the URL falls back to today instead of failing.
        self.assertEqual(self.url_open("/my/interventions/calendar?day=not-a-date").status_code, 200)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["intervention_count"]})
        self.assertEqual(counters["intervention_count"], 1)

    def _assert_sandboxed_download(self, response):
        """A stored file is always a download, never sniffed or run by the browser."""
        self.assertTrue(response.headers["Content-Disposition"].startswith("attachment"))
        self.assertEqual(response.headers["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response.headers["Content-Security-Policy"], "default-src 'none'; sandbox")

    def test_own_intervention_pages_and_files(self):
        self.authenticate("portal_a", "portal_a")
        page = self.url_open(f"/my/interventions/{self.intervention_a.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Boiler cleaned", page.text)
        self.assertIn("photo-a.txt", page.text)
        self.assertIn("o_intervention_sign", page.text, "the sign action while pending")
        pdf = self.url_open(f"/my/interventions/{self.intervention_a.id}?report_type=pdf&download=true")
        self.assertEqual(pdf.status_code, 200)
        self.assertEqual(pdf.headers["Content-Type"], "application/pdf")
        attachment = self.url_open(
            f"/my/interventions/{self.intervention_a.id}/attachments/{self.attachment_a.id}"
        )
        self.assertEqual(attachment.content, b"boiler photo of A")
        self._assert_sandboxed_download(attachment)
        ics = self.url_open(f"/my/interventions/{self.intervention_a.id}/ics")
        self.assertEqual(ics.status_code, 200)
        self.assertIn("text/calendar", ics.headers["Content-Type"])
        self.assertIn(f"SUMMARY:{self.intervention_a.name}", ics.text)
        # Another record's attachment through A's page: not found.
        other = self.env["ir.attachment"].create({"name": "secret.txt", "raw": b"secret"})
        response = self.url_open(f"/my/interventions/{self.intervention_a.id}/attachments/{other.id}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("secret", response.text.replace("secret.txt", ""))

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule", "odoo.models")
    def test_other_customer_out_of_reach(self):
        self.authenticate("portal_b", "portal_b")
        self._assert_out_of_reach(self.intervention_a)
        self.assertNotIn(self.intervention_a.name, self.url_open("/my/interventions").text)
        result = self._sign(self.intervention_a, token="")
        self.assertIn("not valid", result["error"])
        self.assertFalse(self.intervention_a.is_signed)
        # A missing record: 404 with the same clear page.
        response = self.url_open("/my/interventions/999999")
        self.assertEqual(response.status_code, 404)
        self.assertIn("This page is not available", response.text)

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule", "odoo.models")
    def test_contact_without_reserved_area_out_of_reach(self):
        self.authenticate("portal_a2", "portal_a2")
        self._assert_out_of_reach(self.intervention_a)
        response = self.url_open("/my/interventions")
        self.assertNotIn(self.intervention_a.name, response.text)
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["intervention_count"]})
        self.assertEqual(counters["intervention_count"], 0)

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule", "odoo.models")
    def test_link_with_token(self):
        # Public visitor: no token, wrong token, the token of another intervention → clear page.
        self._assert_out_of_reach(self.intervention_a)
        self._assert_out_of_reach(self.intervention_a, token="not-the-token")
        self._assert_out_of_reach(self.intervention_a, token=self.intervention_b.access_token)
        for url in self._urls(self.intervention_a, self.intervention_a.access_token):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 200, url)

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule", "odoo.models")
    def test_sign_from_link_works_once(self):
        self.contact_a.intervention_sheet_copy = True
        link_token = self.intervention_a.access_token
        # Bad input from the widget: a message, nothing saved.
        self.assertEqual(self._sign(self.intervention_a, signature="")["error"], "The signature is empty.")
        self.assertIn("not a valid image", self._sign(self.intervention_a, signature="Zm9v")["error"])
        self.assertIn("name", self._sign(self.intervention_a, name="")["error"])
        self.assertFalse(self.intervention_a.is_signed)
        # An altered link (token of B on A) cannot sign.
        self.assertIn(
            "not valid", self._sign(self.intervention_a, token=self.intervention_b.access_token)["error"]
        )
        result = self._sign(self.intervention_a)
        self.assertTrue(result["force_refresh"])
        self.intervention_a.invalidate_recordset()
        self.assertEqual(self.intervention_a.state, "signed")
        self.assertEqual(self.intervention_a.signer_ip, "127.0.0.1")
        # The signer lands on the page, which shows the signature and the signed PDF.
        page = self.url_open(result["redirect_url"])
        self.assertEqual(page.status_code, 200)
        self.assertIn("the report is signed", page.text)
        self.assertIn("o_intervention_signed_pdf", page.text)
        self.assertNotIn("o_intervention_sign ", page.text)
        signed_pdf = self.url_open(
            self.intervention_a.get_portal_url(suffix=f"/attachments/{self.intervention_a.signed_pdf_id.id}")
        )
        self.assertEqual(signed_pdf.status_code, 200)
        self.assertEqual(signed_pdf.headers["Content-Type"], "application/pdf")
        self._assert_sandboxed_download(signed_pdf)
        # (Tests render reports as HTML instead of calling wkhtmltopdf: the content is readable.)
        self.assertIn(b"Anna Alfa", signed_pdf.content)
        # The link of the e-mail worked once: reused, it shows a clear page and cannot sign again.
        response = self.url_open(f"/my/interventions/{self.intervention_a.id}?access_token={link_token}")
        self.assertEqual(response.status_code, 403)
        self.assertIn("already been used", response.text)
        self.assertIn("not valid", self._sign(self.intervention_a, token=link_token)["error"])
        self.assertIn("already been signed", self._sign(self.intervention_a)["error"])

    def test_portal_user_signs_own_intervention(self):
        self.authenticate("portal_a", "portal_a")
        result = self._sign(
            self.intervention_a, token="", name="Portal A", signature=signature_image_b64("JPEG")
        )
        self.assertTrue(result["force_refresh"])
        self.intervention_a.invalidate_recordset()
        self.assertEqual((self.intervention_a.state, self.intervention_a.signed_by), ("signed", "Portal A"))
        page = self.url_open(f"/my/interventions/{self.intervention_a.id}")
        self.assertIn("Signed by", page.text)


@tagged("post_install", "-at_install")
class TestInterventionOrmAccess(InterventionsPortalCase):
    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_portal_orm_access(self):
        Intervention = self.env["field.intervention"]
        self.assertEqual(Intervention.with_user(self.portal_user_a).search([]), self.intervention_a)
        self.intervention_a.with_user(self.portal_user_a).read(["report"])
        self.intervention_a.line_ids.with_user(self.portal_user_a).read(["name"])
        for user in (self.portal_user_b, self.portal_user_a2):
            with self.subTest(user=user.login):
                self.assertFalse(
                    Intervention.with_user(user).search([("partner_id", "=", self.customer_a.id)])
                )
                with self.assertRaises(AccessError):
                    self.intervention_a.with_user(user).read(["report"])
                with self.assertRaises(AccessError):
                    self.intervention_a.line_ids.with_user(user).read(["name"])
        for user in (self.portal_user_a, self.portal_user_b):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.intervention_a.with_user(user).write({"report": "<p>x</p>"})
                with self.assertRaises(AccessError):
                    self.intervention_a.with_user(user).unlink()
                with self.assertRaises(AccessError):
                    Intervention.with_user(user).create(
                        {
                            "partner_id": self.customer_a.id,
                            "date_start": fields.Datetime.now(),
                            "date_end": fields.Datetime.now() + timedelta(hours=1),
                        }
                    )
                with self.assertRaises(AccessError):
                    self.env["field.plant"].with_user(user).search([])
        self.assertEqual(self.intervention_a.report, "<p>Boiler cleaned, flue checked.</p>")

    def test_reserved_area_granted_later(self):
        Intervention = self.env["field.intervention"]
        self.assertFalse(Intervention.with_user(self.portal_user_a2).search([]))
        self.contact_a2.portal_reserved_area = True
        self.assertEqual(Intervention.with_user(self.portal_user_a2).search([]), self.intervention_a)


@tagged("post_install", "-at_install")
class TestInterventionPortalQueries(InterventionsPortalCase):
    def _list_queries(self):
        count0 = self.cr.sql_log_count
        response = self.url_open("/my/interventions")
        self.assertEqual(response.status_code, 200)
        return self.cr.sql_log_count - count0

    def test_list_queries_flat(self):
        def add(count):
            start = fields.Datetime.now().replace(microsecond=0)
            self.env["field.intervention"].create(
                [
                    {
                        "partner_id": self.customer_a.id,
                        "site_id": self.site_a.id,
                        "date_start": start + timedelta(days=i),
                        "date_end": start + timedelta(days=i, hours=2),
                        "report": "<p>Routine check</p>",
                    }
                    for i in range(count)
                ]
            )

        add(9)  # 10 with intervention_a
        self.authenticate("portal_a", "portal_a")
        self._list_queries()  # warm the caches (templates, rules)
        with_10 = self._list_queries()
        add(490)
        self._list_queries()
        with self.assertQueryCount(with_10):
            response = self.url_open("/my/interventions")
        self.assertIn("/my/interventions/page/25", response.text)


@tagged("post_install", "-at_install")
class TestInterventionFeed(InterventionsPortalCase):
    def _feed_url(self, partner):
        return f"/interventions/feed/{partner.sudo().intervention_feed_token}.ics"

    @mute_logger("odoo.http")
    def test_feed_per_contact_revocable(self):
        self.authenticate("portal_a", "portal_a")
        self.assertNotIn("o_intervention_feed_url", self.url_open("/my/interventions").text)
        csrf = {"csrf_token": http.Request.csrf_token(self)}
        self.url_open("/my/interventions/feed", data=csrf)
        url = self._feed_url(self.contact_a)
        self.assertIn(url, self.url_open("/my/interventions").text)
        self.logout()
        feed = self.url_open(url)
        self.assertEqual(feed.status_code, 200)
        self.assertIn("text/calendar", feed.headers["Content-Type"])
        self.assertIn(f"SUMMARY:{self.intervention_a.name}", feed.text)
        self.assertNotIn(self.intervention_b.name, feed.text)
        # Reset: the old address stops working, the new one works.
        self.authenticate("portal_a", "portal_a")
        self.url_open("/my/interventions/feed", data={"csrf_token": http.Request.csrf_token(self)})
        self.assertEqual(self.url_open(url).status_code, 404)
        new_url = self._feed_url(self.contact_a)
        self.assertEqual(self.url_open(new_url).status_code, 200)
        # Revoke: no address any more.
        revoke = {"csrf_token": http.Request.csrf_token(self), "revoke": "1"}
        self.url_open("/my/interventions/feed", data=revoke)
        self.assertFalse(self.contact_a.sudo().intervention_feed_token)
        self.assertEqual(self.url_open(new_url).status_code, 404)
        self.assertEqual(self.url_open("/interventions/feed/.ics").status_code, 404)

    @mute_logger("odoo.http")
    def test_feed_stops_without_reserved_area(self):
        self.contact_a._intervention_feed_reset()
        url = self._feed_url(self.contact_a)
        self.assertEqual(self.url_open(url).status_code, 200)
        self.contact_a.sudo()._write({"portal_reserved_area": False})
        self.contact_a.invalidate_recordset(["portal_reserved_area"])
        self.assertEqual(self.url_open(url).status_code, 404)
        # A contact without reserved area cannot create a feed either.
        self.authenticate("portal_a2", "portal_a2")
        self.url_open("/my/interventions/feed", data={"csrf_token": http.Request.csrf_token(self)})
        self.assertFalse(self.contact_a2.sudo().intervention_feed_token)
