import base64

from dateutil.relativedelta import relativedelta

from odoo import api
from odoo.addons.customer_portal_base.models.signed_document_mixin import signature_write
from odoo.addons.customer_portal_base.tests.common import PDF
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged
from odoo.tools import mute_logger

from .common import ContractCase, signature_image_b64

WIZARD = "customer.contract.paper.signature"


@tagged("post_install", "-at_install")
class TestPaperSignature(ContractCase):
    """A contract signed on paper: recorded with its scan, then locked, fingerprinted and running like an
    e-signed one; bad input and the wrong users refused with nothing saved."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales_manager = new_test_user(
            cls.env, login="sales_manager", groups="sales_team.group_sale_manager", name="Sara Manager"
        )
        cls.all_docs_salesman = new_test_user(
            cls.env,
            login="all_docs_salesman",
            groups="sales_team.group_sale_salesman_all_leads",
            name="Alba All",
        )
        cls.env.company.write({"email": "office@company.test", "contract_alert_email": False})

    def _record(self, contract, user=None, **vals):
        """Fill and confirm the wizard the way the button opens it, as `user` (the salesman by default)."""
        user = user or self.salesman
        action = contract.with_user(user).action_sign_on_paper()
        # The file name comes with the file in the web client (the binary widget's `filename`).
        context = dict(action["context"], default_scan_name=vals.get("scan_name", "signed-contract.pdf"))
        wizard_form = Form(self.env[WIZARD].with_user(user).with_context(**context))
        wizard_form.signed_date = vals.get("signed_date", self.today)
        wizard_form.scan = base64.b64encode(vals.get("scan", PDF))
        if "signer_name" in vals:
            wizard_form.signer_name = vals["signer_name"]
        return wizard_form.save().action_confirm()

    def _check(self, contract):
        return contract.action_check_signature()["params"]["type"]

    def test_paper_signature_locks_and_fingerprints_the_contract(self):
        contract = self._contract()
        token = contract._portal_ensure_token()
        self._record(contract, signer_name="Maria Bianchi")
        self.assertEqual(contract.state, "signed", "a draft signed at the customer's runs without an e-mail")
        self.assertTrue(contract.is_signed)
        self.assertEqual(contract.signature_channel, "paper")
        self.assertFalse(contract.signature_missing)
        self.assertEqual(contract.signed_by, "Maria Bianchi")
        self.assertEqual(contract.signed_on.date(), self.today)
        self.assertEqual(contract.paper_signature_user_id, self.salesman, "the user who recorded it")
        self.assertEqual(contract.paper_signature_scan_id.raw, PDF)
        self.assertIn(contract.paper_signature_scan_id, contract.message_ids.attachment_ids)
        self.assertIn(contract.signed_pdf_id, contract.message_ids.attachment_ids)
        self.assertNotEqual(contract.access_token, token, "the link sent before works no more")
        self.assertEqual(contract.signed_hash, contract._signed_content_hash())
        self.assertEqual(self._check(contract), "success")
        with self.assertRaisesRegex(UserError, "is signed"):
            contract.with_user(self.salesman).title = "Cheaper"
        with self.assertRaisesRegex(UserError, "its lines cannot change"):
            contract.line_ids.with_user(self.salesman).price_unit = 1.0
        with self.assertRaises(UserError):
            contract.unlink()

    def test_fingerprint_covers_the_scan_and_who_recorded_it(self):
        contract = self._contract()
        contract._send_for_signature()
        self._record(contract)
        contract.paper_signature_scan_id.sudo().raw = b"%PDF-1.4 another paper"
        self.assertEqual(self._check(contract), "danger", "a replaced scan shows")
        other = self._contract()
        self._record(other)
        with signature_write():
            other.paper_signature_user_id = self.sales_manager
        self.assertEqual(self._check(other), "danger")
        # An e-signature's fingerprint is computed as before the paper channel existed.
        esigned = self._signed_contract()
        self.assertNotIn("paper", esigned._signed_content()["__signature__"])
        self.assertEqual(esigned.signature_channel, "electronic")
        self.assertEqual(self._check(esigned), "success")

    def test_bad_input_is_refused_and_nothing_is_saved(self):
        contract = self._contract()
        contract._send_for_signature()
        messages = len(contract.message_ids)
        attachments = [("res_model", "=", "customer.contract"), ("res_id", "=", contract.id)]
        files = self.env["ir.attachment"].search(attachments)  # the PDF sent for signature
        cases = [
            ({"scan": b""}, ValidationError, "scan"),
            ({"signed_date": self.today + relativedelta(days=1)}, ValidationError, "future"),
            ({"signer_name": "   "}, ValidationError, "signer's name"),
            ({"scan": b"<html><script>alert(1)</script></html>"}, ValidationError, "content of the file"),
            ({"scan_name": "scan.exe"}, ValidationError, "not accepted"),
        ]
        for vals, error, message in cases:
            with self.subTest(vals=vals), self.assertRaisesRegex(error, message):
                contract._sign_on_paper(
                    vals.get("signer_name", "Maria Bianchi"),
                    vals.get("signed_date", self.today),
                    vals.get("scan_name", "scan.pdf"),
                    vals.get("scan", PDF),
                )
        with self.assertRaises(ValidationError):
            self._record(contract, signed_date=self.today + relativedelta(days=1))
        self.assertFalse(contract.is_signed)
        self.assertEqual(contract.state, "sent")
        self.assertFalse(contract.paper_signature_scan_id)
        self.assertEqual(len(contract.message_ids), messages)
        self.assertEqual(self.env["ir.attachment"].search(attachments), files, "no scan left behind")

    def test_signed_cancelled_or_ended_contracts_are_refused(self):
        signed = self._signed_contract()
        with self.assertRaisesRegex(UserError, "already been signed"):
            signed.with_user(self.salesman).action_sign_on_paper()
        with self.assertRaisesRegex(UserError, "already been signed"):
            signed._sign_on_paper("Maria Bianchi", self.today, "scan.pdf", PDF)
        self.assertEqual((signed.signed_by, signed.signature_channel), ("Mario Rossi", "electronic"))
        cancelled = self._contract()
        cancelled.action_cancel()
        with self.assertRaisesRegex(UserError, "cancelled"):
            cancelled._sign_on_paper("Maria Bianchi", self.today, "scan.pdf", PDF)
        ended = self._contract(state="expired")
        with self.assertRaisesRegex(UserError, "no longer running"):
            ended._sign_on_paper("Maria Bianchi", self.today, "scan.pdf", PDF)
        self.assertFalse((cancelled | ended).filtered("is_signed"))

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_who_may_record_a_paper_signature(self):
        own = self._contract()
        self._record(own)  # the contract's responsible
        self.assertTrue(own.is_signed)
        for user in (self.sales_manager, self.admin_user):  # the back office, on anyone's contract
            contract = self._contract(user_id=self.all_docs_salesman.id)
            with self.subTest(user=user.login):
                self._record(contract, user=user)
                self.assertEqual(contract.paper_signature_user_id, user)
        others = self._contract(user_id=self.all_docs_salesman.id)
        unassigned = self._contract(user_id=False)
        for user, contract in (
            (self.salesman, others),  # cannot even read it
            (self.salesman, unassigned),  # sees it, but it is nobody's: the back office files it
            (self.all_docs_salesman, own.copy()),  # sees every contract, records their own only
        ):
            with self.subTest(user=user.login, contract=contract.title), self.assertRaises(AccessError):
                contract.with_user(user).action_sign_on_paper()
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                contract.with_user(user)._sign_on_paper("Maria Bianchi", self.today, "scan.pdf", PDF)
            # A wizard made up for another's contract does not get through either.
            wizard = (
                self.env[WIZARD]
                .with_user(user)
                .create(
                    {
                        "contract_id": contract.id,
                        "signer_name": "Maria Bianchi",
                        "scan": base64.b64encode(PDF),
                        "scan_name": "scan.pdf",
                    }
                )
            )
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                wizard.action_confirm()
            self.assertFalse(contract.is_signed)
        with self.assertRaises(AccessError):
            self.env[WIZARD].with_user(self.portal_user_a).create({"contract_id": own.id})

    def test_paper_fields_are_written_only_by_recording_it(self):
        contract = self._contract()
        scan = self._attach(contract, "scan.pdf", PDF)
        for vals in (
            {"paper_signature_scan_id": scan.id},
            {"paper_signature_user_id": self.salesman.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                contract.with_user(self.salesman).write(vals)
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                self.env["customer.contract"].with_user(self.salesman).create(
                    dict(vals, title="Forged", partner_id=self.customer_a.id)
                )
        self.assertFalse(contract.is_signed)

    def test_new_revision_drops_the_paper_signature(self):
        contract = self._contract()
        self._record(contract)
        contract.with_user(self.sales_manager).action_new_revision()
        self.assertFalse(contract.is_signed)
        self.assertFalse(contract.paper_signature_scan_id)
        self.assertFalse(contract.paper_signature_user_id)
        self.assertFalse(contract.signature_channel)
        self.assertTrue(contract.signature_missing, "running without a signature: shown and filtered")

    # ------------------------------------------------------------
    # RUNNING WITHOUT SIGNATURE
    # ------------------------------------------------------------

    def test_running_contract_without_signature_is_flagged_and_can_be_signed(self):
        Contract = self.env["customer.contract"]
        imported = self._contract(state="signed")  # e.g. imported, or a revision dropped the signature
        sent = self._contract()
        sent._send_for_signature()
        self.assertTrue(imported.signature_missing)
        self.assertFalse(sent.signature_missing, "not running yet: 'To sign' shows it")
        found = Contract.search([("signature_missing", "=", True), ("id", "in", (imported | sent).ids)])
        self.assertEqual(found, imported)
        imported._sign("Mario Rossi", signature_image_b64())
        self.assertEqual(imported.state, "signed")
        self.assertFalse(imported.signature_missing)
        accepted = self._contract(state="accepted")
        self._record(accepted)
        self.assertEqual(accepted.state, "accepted", "the state stays as it ran")
        self.assertFalse(accepted.signature_missing)

    # ------------------------------------------------------------
    # A PAPER-SIGNED CONTRACT RUNS LIKE AN E-SIGNED ONE
    # ------------------------------------------------------------

    def _run(self, method):
        """Run a cron method on its own cursor, as the scheduler does."""
        with self.enter_registry_test_mode(), self.registry.cursor() as cr:
            getattr(api.Environment(cr, self.env.uid, {})["customer.contract"], method)()
        self.env.invalidate_all()

    def test_paper_signed_contract_gets_its_expiry_alert_and_its_invoices(self):
        Contract = self.env["customer.contract"]
        # Alerts due before the test (e.g. demo data) are not the test's.
        Contract.search(Contract._get_expiry_alert_domain()).write({"alert_sent": True})
        contract = self._contract(
            expiry_date=self.today + relativedelta(days=20),
            billing_period="monthly",
            next_billing_date=self.today,
        )
        self._record(contract)
        self._run("_cron_expiry_alerts")
        self.assertTrue(contract.alert_sent)
        self.assertEqual(
            contract.activity_ids.filtered(lambda a: a.date_deadline == contract.expiry_date).user_id,
            self.salesman,
        )
        self._run("_cron_bill_contracts")
        invoice = self.env["account.move"].search([("customer_contract_id", "=", contract.id)])
        self.assertEqual(len(invoice), 1)
        self.assertEqual(invoice.customer_contract_period_date, self.today)
        self.assertEqual(contract.next_billing_date, self.today + relativedelta(months=1))

    def test_paper_signed_software_contract_gets_its_licence(self):
        contract = self._contract(kind="software")
        self._record(contract)
        self.assertTrue(contract._licence_allowed())
        html = self.env["ir.actions.report"]._render_qweb_html(
            "contract_expiry.action_report_software_licence", contract.ids
        )[0]
        self.assertIn(b"Licence key", html)
        html = self.env["ir.actions.report"]._render_qweb_html(
            "contract_expiry.action_report_contract", contract.ids
        )[0]
        self.assertIn(b"Signed on paper", html)
