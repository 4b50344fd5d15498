import base64

from odoo.addons.customer_portal_base.tests.common import PDF, CallKwMixin
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import ContractCase

WIZARD = "customer.contract.paper.signature"


@tagged("post_install", "-at_install")
class TestPaperSignatureOverHttp(ContractCase, CallKwMixin, HttpCase):
    """A paper-signed contract in the customer's portal, and the paper signature attacked over JSON-RPC."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.paper = cls._contract(title="Paper heating")
        cls.paper._sign_on_paper("Maria Bianchi", cls.today, "signed-contract.pdf", PDF)
        cls.unsigned = cls._contract(title="Unsigned heating")
        cls.unsigned._send_for_signature()

    def test_paper_signed_contract_in_the_portal(self):
        self.authenticate("portal_a", "portal_a")
        listing = self.url_open("/my/contracts")
        self.assertEqual(listing.status_code, 200)
        self.assertIn("Paper heating", listing.text)
        page = self.url_open(f"/my/contracts/{self.paper.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Signed on paper by", page.text)
        self.assertIn("Maria Bianchi", page.text)
        self.assertNotIn("o_contract_sign", page.text, "nothing left to sign")
        signed_pdf = self.url_open(f"/my/contracts/{self.paper.id}/documents/{self.paper.signed_pdf_id.id}")
        self.assertEqual(signed_pdf.status_code, 200)
        scan = self.url_open(
            f"/my/contracts/{self.paper.id}/documents/{self.paper.paper_signature_scan_id.id}"
        )
        self.assertEqual(
            (scan.status_code, scan.content), (200, PDF), "the customer keeps a copy of the paper"
        )

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_portal_user_cannot_record_or_forge_a_paper_signature(self):
        self.authenticate("portal_a", "portal_a")
        contract_id = self.unsigned.id
        scan = self._attach(self.unsigned, "scan.pdf", PDF)
        for vals in (
            {"paper_signature_scan_id": scan.id},
            {"paper_signature_user_id": self.salesman.id},
            {"signed_by": "Maria Bianchi", "signed_on": "2026-01-01 12:00:00"},
        ):
            with self.subTest(vals=vals):
                self.assertEqual(
                    self._call_kw_refused("customer.contract", "write", [[contract_id], vals]),
                    "odoo.exceptions.AccessError",
                )
        self.assertEqual(
            self._call_kw_refused(
                "customer.contract", "_sign_on_paper", [[contract_id], "Maria", "2026-01-01", "s.pdf", "x"]
            ),
            "odoo.exceptions.AccessError",
        )
        self.assertEqual(
            self._call_kw_refused("customer.contract", "action_sign_on_paper", [[contract_id]]),
            "odoo.exceptions.AccessError",
        )
        self.assertEqual(
            self._call_kw_refused(
                WIZARD,
                "create",
                [
                    {
                        "contract_id": contract_id,
                        "signer_name": "Maria",
                        "scan": base64.b64encode(PDF).decode(),
                    }
                ],
            ),
            "odoo.exceptions.AccessError",
        )
        self.assertFalse(self.unsigned.is_signed)

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_salesman_cannot_forge_the_paper_fields_over_json_rpc(self):
        self.authenticate("salesman", "salesman")
        contract_id = self.unsigned.id
        scan = self._attach(self.unsigned, "scan.pdf", PDF)
        for vals in ({"paper_signature_scan_id": scan.id}, {"paper_signature_user_id": self.admin_user.id}):
            with self.subTest(vals=vals):
                self.assertEqual(
                    self._call_kw_refused("customer.contract", "write", [[contract_id], vals]),
                    "odoo.exceptions.AccessError",
                )
        self.assertEqual(
            self._call_kw_refused(
                "customer.contract", "_sign_on_paper", [[contract_id], "Maria", "2026-01-01", "s.pdf", "x"]
            ),
            "odoo.exceptions.AccessError",
        )
        # The wizard, as the web client drives it, records the salesman whatever the client sends.
        wizard_id = self._call_kw(
            WIZARD,
            "create",
            [
                {
                    "contract_id": contract_id,
                    "signer_name": "Maria Bianchi",
                    "scan": base64.b64encode(PDF).decode(),
                    "scan_name": "scan.pdf",
                    "recorded_by_id": self.admin_user.id,
                }
            ],
        )
        self._call_kw(WIZARD, "action_confirm", [wizard_id])
        self.assertEqual(self.unsigned.signature_channel, "paper")
        self.assertEqual(self.unsigned.paper_signature_user_id, self.salesman)
