from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import HttpCase, new_test_user, tagged

from .common import ContractCase, signature_image_b64

BODY = (
    '<p>Agreement with <t t-out="object.partner_id.name"/> from <t t-out="format_date(object.start_date)"/> '
    'to <t t-out="format_date(object.expiry_date)"/> for <t t-out="format_amount(object.amount, '
    'object.currency_id)"/>.</p><ul><li t-foreach="object.line_ids" t-as="line"><t t-out="line.name"/>'
    "</li></ul>"
)


class ContractTextCase(ContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales_manager = new_test_user(
            cls.env, login="text_manager", groups="sales_team.group_sale_manager", name="Tina Manager"
        )
        cls.template = cls.env["customer.contract.template"].create(
            {"name": "Test terms", "kind": "service", "company_id": False, "body": BODY}
        )
        cls.partner_a = cls.portal_user_a.partner_id
        cls.partner_a.lang = "en_US"

    def _contract_with_text(self, **vals):
        contract = self._contract(
            template_id=self.template.id, start_date="2026-03-01", expiry_date="2027-02-28", **vals
        )
        contract.action_apply_template()
        return contract


@tagged("post_install", "-at_install")
class TestContractText(ContractTextCase):
    def test_template_rendered_with_customer_dates_amount_and_lines(self):
        contract = self._contract_with_text()
        text = str(contract.contract_text)
        self.assertIn(self.partner_a.name, text)
        self.assertIn("03/01/2026", text)
        self.assertIn("02/28/2027", text)
        self.assertIn("160.00", text, "the amount, formatted in the contract's currency")
        self.assertIn(contract.line_ids.name, text)
        self.assertNotIn("t-out", text)

    def test_apply_template_as_salesman(self):
        contract = self._contract(template_id=self.template.id, user_id=self.salesman.id)
        contract.with_user(self.salesman).action_apply_template()
        self.assertIn(self.partner_a.name, str(contract.contract_text))

    def test_bad_placeholder_changes_nothing(self):
        broken = self.template.copy({"body": '<p>Dear <t t-out="object.no_such_field.name"/></p>'})
        good = self._contract_with_text()
        before = good.contract_text
        other = self._contract(template_id=broken.id, contract_text="<p>Hand-written terms</p>")
        both = good | other
        good.template_id = broken
        with self.assertRaisesRegex(UserError, "cannot be filled in"):
            both.action_apply_template()
        self.assertEqual(good.contract_text, before)
        self.assertEqual(str(other.contract_text), "<p>Hand-written terms</p>")
        empty = self.template.copy({"body": "<p><br></p>"})
        other.template_id = empty
        with self.assertRaisesRegex(UserError, "has no text"):
            other.action_apply_template()
        self.assertEqual(str(other.contract_text), "<p>Hand-written terms</p>")

    def test_renewal_terms_say_the_new_period(self):
        contract = self._contract_with_text()
        contract._send_for_signature()
        contract._sign("Mario Rossi", signature_image_b64())
        renewal = contract._renew(percentage=10)
        text = str(renewal.contract_text)
        self.assertEqual(renewal.state, "draft")
        self.assertIn("03/01/2027", text, "the new start")
        self.assertNotIn("03/01/2026", text)
        self.assertIn("176.00", text, "the revised amount")
        self.assertIn("03/01/2026", str(contract.contract_text), "the signed terms stay as signed")

    def test_template_of_another_kind_refused(self):
        contract = self._contract(kind="hardware", template_id=self.template.id)
        with self.assertRaisesRegex(UserError, "not for the kind and company"):
            contract.action_apply_template()
        self.assertFalse(contract.contract_text)

    def test_fingerprint_covers_the_text(self):
        contract = self._contract_with_text()
        draft_hash = contract._signed_content_hash()
        contract.contract_text = "<p>Other terms</p>"
        self.assertNotEqual(contract._signed_content_hash(), draft_hash)
        contract.action_apply_template()
        self.assertEqual(contract._signed_content_hash(), draft_hash)
        self._sign(contract)
        self.assertEqual(contract.action_check_signature()["params"]["type"], "success")
        # Changed behind the ORM's lock: the signature check sees it.
        self.env.cr.execute(
            "UPDATE customer_contract SET contract_text = '<p>Free of charge</p>' WHERE id = %s",
            [contract.id],
        )
        self.env.invalidate_all()
        self.assertEqual(contract.action_check_signature()["params"]["type"], "danger")

    def test_text_locked_once_signed(self):
        contract = self._contract_with_text()
        self._sign(contract)
        text = contract.contract_text
        for user in (self.salesman, self.sales_manager):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "is signed"):
                contract.with_user(user).write({"contract_text": "<p>Free of charge</p>"})
        with self.assertRaisesRegex(UserError, "is signed"):
            contract.with_user(self.salesman).action_apply_template()
        self.assertEqual(contract.contract_text, text)
        # A new revision is the way to change it, and it needs a new signature.
        contract.with_user(self.sales_manager).action_new_revision()
        contract.with_user(self.salesman).contract_text = "<p>Revised terms</p>"
        self.assertFalse(contract.is_signed)

    def test_attachments_of_a_signed_contract_locked(self):
        contract = self._contract_with_text()
        annex = self._attach(contract, "annex.txt", b"annex terms")
        contract.document_ids = [Command.set(annex.ids)]
        free = self._attach(contract, "note.txt", b"a note")
        self._sign(contract)
        for user in (self.salesman, self.sales_manager):
            as_user = annex.with_user(user)
            for vals in ({"raw": b"other terms"}, {"datas": "b3RoZXI="}, {"name": "renamed.txt"}):
                with (
                    self.subTest(user=user.login, vals=vals),
                    self.assertRaisesRegex(UserError, "signed contract"),
                ):
                    as_user.write(vals)
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "signed contract"):
                as_user.unlink()
            with self.assertRaisesRegex(UserError, "signed contract"):
                contract.signed_pdf_id.with_user(user).unlink()
        self.assertEqual(annex.raw, b"annex terms")
        self.assertEqual(contract.action_check_signature()["params"]["type"], "success")
        # Another file of the contract, not signed, stays editable.
        free.with_user(self.salesman).write({"raw": b"a longer note"})
        # After a new revision the annex can be replaced.
        contract.with_user(self.sales_manager).action_new_revision()
        annex.with_user(self.salesman).write({"raw": b"revised annex"})
        self.assertEqual(annex.raw, b"revised annex")

    def test_pdf_shows_the_terms(self):
        contract = self._contract_with_text()
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "contract_expiry.action_report_contract", contract.ids
        )
        html = html.decode()
        self.assertIn("Terms", html)
        self.assertIn(f"Agreement with {self.partner_a.name}", html)
        bare = self._contract()
        html, _type = self.env["ir.actions.report"]._render_qweb_html(
            "contract_expiry.action_report_contract", bare.ids
        )
        self.assertNotIn("o_contract_terms", html.decode())

    def test_shipped_templates_render(self):
        for xmlid, kind in (
            ("contract_expiry.contract_template_software", "software"),
            ("contract_expiry.contract_template_hardware", "hardware"),
            ("contract_expiry.contract_template_service", "service"),
        ):
            template = self.env.ref(xmlid)
            contract = self._contract(kind=kind, template_id=template.id, expiry_date="2027-02-28")
            contract.action_apply_template()
            text = str(contract.contract_text)
            with self.subTest(template=xmlid):
                self.assertIn(self.customer_a.name, text)
                self.assertIn("02/28/2027", text)
                self.assertIn("160.00", text)

    def test_rendered_in_the_customers_language(self):
        for code in ("it_IT", "ro_RO"):
            self.env["res.lang"]._activate_lang(code)
        self.env["ir.module.module"]._load_module_terms(
            ["contract_expiry"], ["it_IT", "ro_RO"], overwrite=True
        )
        template = self.env.ref("contract_expiry.contract_template_service")
        for code, sentence, date, heading in (
            ("it_IT", "Il presente contratto tra", "28/02/2027", "Condizioni"),
            ("ro_RO", "Prezentul contract dintre", "28.02.2027", "Condiții"),
        ):
            self.partner_a.lang = code
            contract = self._contract(template_id=template.id, expiry_date="2027-02-28")
            contract.action_apply_template()
            text = str(contract.contract_text)
            html = (
                self.env["ir.actions.report"]
                ._render_qweb_html("contract_expiry.action_report_contract", contract.ids)[0]
                .decode()
            )
            with self.subTest(lang=code):
                self.assertIn(sentence, text)
                self.assertIn(date, text)
                self.assertNotIn("This contract between", text)
                self.assertIn(heading, html)
                self.assertIn(sentence, html)

    def _sign(self, contract):
        contract._send_for_signature()
        contract._sign("Mario Rossi", signature_image_b64())


@tagged("post_install", "-at_install")
class TestContractTextPortal(ContractTextCase, HttpCase):
    def test_portal_page_shows_the_terms(self):
        contract = self._contract_with_text(title="Terms on the portal")
        contract._send_for_signature()
        self.authenticate("portal_a", "portal_a")
        page = self.url_open(f"/my/contracts/{contract.id}").text
        self.assertIn("<h5>Terms</h5>", page)
        self.assertIn(f"Agreement with {self.partner_a.name}", page)
