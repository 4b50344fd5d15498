from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import ContractCase, signature_image_b64


@tagged("post_install", "-at_install")
class TestContractPortal(ContractCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user_b.partner_id.portal_contracts_access = True
        cls.contract_a = cls._contract(title="Heating maintenance A")
        cls.contract_a._send_for_signature()
        cls.document_a = cls._attach(cls.contract_a, "annex-a.txt", b"annex of A")
        cls.contract_a.document_ids = cls.document_a
        cls.contract_b = cls._contract(partner=cls.portal_user_b.partner_id, title="Beta cleaning")
        cls.contract_b._send_for_signature()

    def _urls_of_a(self):
        base = f"/my/contracts/{self.contract_a.id}"
        return [
            base,
            f"{base}?report_type=pdf",
            f"{base}?report_type=pdf&download=1",
            f"{base}/documents/{self.document_a.id}",
        ]

    def test_contact_with_the_flag_sees_and_downloads(self):
        self.authenticate("portal_a", "portal_a")
        response = self.url_open("/my/contracts")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Heating maintenance A", response.text)
        self.assertNotIn("Beta cleaning", response.text)
        for url in self._urls_of_a():
            self.assertEqual(self.url_open(url).status_code, 200, url)
        self.assertEqual(self.url_open(self._urls_of_a()[-1]).content, b"annex of A")
        self.assertIn("Contracts", self.url_open("/my").text)

    def test_documents_download_sandboxed(self):
        """A stored document is always a download, never sniffed or run by the browser."""
        self.authenticate("portal_a", "portal_a")
        response = self.url_open(f"/my/contracts/{self.contract_a.id}/documents/{self.document_a.id}")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.headers["Content-Disposition"].startswith("attachment"))
        self.assertEqual(response.headers["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response.headers["Content-Security-Policy"], "default-src 'none'; sandbox")

    def test_page_shows_the_taxes_and_the_total(self):
        tax = self.env["account.tax"].create({"name": "VAT 22% (portal test)", "amount": 22.0})
        self.contract_a.line_ids.tax_ids = tax
        self.assertAlmostEqual(self.contract_a.amount_total, 195.2)
        self.authenticate("portal_a", "portal_a")
        page = self.url_open(f"/my/contracts/{self.contract_a.id}").text
        self.assertIn("VAT 22% (portal test)", page)
        self.assertIn("35.20", page, "the taxes")
        self.assertIn("195.20", page, "the total")

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_others_get_404_or_403(self):
        for login in ("portal_a2", "portal_b"):
            self.authenticate(login, login)
            for url in self._urls_of_a():
                self.assertEqual(self.url_open(url).status_code, 404, f"{login} {url}")
        self.authenticate("portal_a2", "portal_a2")
        self.assertEqual(self.url_open("/my/contracts").status_code, 403, "no contracts flag")
        self.authenticate("portal_b", "portal_b")
        self.assertNotIn("Heating maintenance A", self.url_open("/my/contracts").text)
        # A document of another record cannot be fetched through A's contract either.
        self.authenticate("portal_a", "portal_a")
        other = self.env["ir.attachment"].create({"name": "secret.txt", "raw": b"secret"})
        url = f"/my/contracts/{self.contract_a.id}/documents/{other.id}"
        self.assertEqual(self.url_open(url).status_code, 404)

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_public_needs_the_token(self):
        self.authenticate(None, None)
        self.assertEqual(self.url_open(f"/my/contracts/{self.contract_a.id}").status_code, 404)
        url = f"/my/contracts/{self.contract_a.id}?access_token=wrong"
        self.assertEqual(self.url_open(url).status_code, 404)
        response = self.url_open(self.contract_a.get_portal_url())
        self.assertEqual(response.status_code, 200)
        self.assertIn("Heating maintenance A", response.text)

    def test_portal_user_signs(self):
        self.authenticate("portal_a", "portal_a")
        result = self.make_jsonrpc_request(
            f"/my/contracts/{self.contract_a.id}/sign",
            {"name": "Mario Rossi", "signature": signature_image_b64()},
        )
        self.assertTrue(result.get("force_refresh"), result)
        self.assertEqual(self.contract_a.state, "signed")
        self.assertEqual(self.contract_a.signed_by, "Mario Rossi")
        self.assertTrue(self.contract_a.signer_ip)
        self.assertTrue(self.contract_a.signed_hash)
        self.assertIn(self.contract_a.signed_pdf_id, self.contract_a.message_ids.attachment_ids)
        result = self.make_jsonrpc_request(
            f"/my/contracts/{self.contract_a.id}/sign",
            {"name": "Mario Rossi", "signature": signature_image_b64()},
        )
        self.assertIn("already been signed", result["error"])

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_signing_refused_for_others_and_cancelled(self):
        self.authenticate("portal_b", "portal_b")
        result = self.make_jsonrpc_request(
            f"/my/contracts/{self.contract_a.id}/sign",
            {"name": "Intruder", "signature": signature_image_b64()},
        )
        self.assertEqual(result["error"], "Invalid document.")
        self.assertFalse(self.contract_a.is_signed)
        self.contract_b.action_cancel()
        result = self.make_jsonrpc_request(
            f"/my/contracts/{self.contract_b.id}/sign", {"name": "Bruno", "signature": signature_image_b64()}
        )
        self.assertIn("cancelled", result["error"])
        self.assertFalse(self.contract_b.is_signed)

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_acceptance_signed_from_the_email_link(self):
        self.contract_a._sign("Mario Rossi", signature_image_b64())
        self.contract_a.action_work_done()
        acceptance = self.env["customer.contract.acceptance"].create(
            {"contract_id": self.contract_a.id, "delivered_items": "Boiler serviced"}
        )
        acceptance.action_send()
        self.assertTrue(
            acceptance.message_ids.filtered(lambda m: acceptance.access_token in (m.body or "")),
            "the e-mail carries the signing link",
        )
        self.authenticate("portal_b", "portal_b")
        self.assertEqual(self.url_open(f"/my/acceptances/{acceptance.id}").status_code, 404)
        self.assertEqual(self.url_open(f"/my/acceptances/{acceptance.id}?report_type=pdf").status_code, 404)
        self.authenticate(None, None)
        self.assertEqual(self.url_open(acceptance.get_portal_url()).status_code, 200)
        result = self.make_jsonrpc_request(
            acceptance.get_portal_url(suffix="/sign"),
            {"name": "Mario Rossi", "signature": signature_image_b64()},
        )
        self.assertTrue(result.get("force_refresh"), result)
        self.assertEqual(acceptance.state, "signed")
        self.assertEqual(self.contract_a.state, "accepted")
        self.authenticate("portal_a", "portal_a")
        page = self.url_open(self.contract_a.get_portal_url()).text
        self.assertIn(acceptance.name, page)
        url = f"/my/contracts/{self.contract_a.id}/documents/{acceptance.signed_pdf_id.id}"
        self.assertEqual(self.url_open(url).status_code, 200)

    def test_tour_signs_from_the_email_link(self):
        contract = self._contract(title="Heating maintenance")
        contract._send_for_signature()
        link = contract.get_portal_url()
        self.assertTrue(
            contract.message_ids.filtered(lambda m: link in (m.body or "")), "the e-mail has the link"
        )
        self.start_tour(link, "contract_expiry_sign_from_email", login=None)
        self.assertEqual(contract.state, "signed")
        self.assertEqual(contract.signed_by, "Mario Rossi")
