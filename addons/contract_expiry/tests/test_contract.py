from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import ContractCase, signature_image_b64


@tagged("post_install", "-at_install")
class TestContract(ContractCase):
    def test_number_from_sequence_and_amount_from_lines(self):
        first, second = self._contract(), self._contract()
        self.assertTrue(first.name.startswith("CTR/"))
        self.assertNotEqual(first.name, second.name)
        self.assertEqual(first.amount, 160.0)
        self.assertEqual(first.state, "draft")

    def test_state_machine(self):
        contract = self._contract()
        contract._send_for_signature()
        self.assertEqual(contract.state, "sent")
        self.assertTrue(contract.access_token, "the e-mail link carries an access token")
        contract._sign("Mario Rossi", signature_image_b64(), ip="10.0.0.1")
        self.assertEqual(contract.state, "signed")
        self.assertEqual(contract.signer_ip, "10.0.0.1")
        self.assertTrue(contract.signed_pdf_id)
        self.assertTrue(
            contract.activity_ids.filtered(lambda a: a.user_id == self.salesman),
            "the responsible user is notified of the signature",
        )
        contract.action_work_done()
        self.assertTrue(contract.work_done_on)
        contract.action_close()
        self.assertEqual(contract.state, "closed")
        with self.assertRaises(UserError):
            contract.action_cancel()
        draft = self._contract()
        draft.action_cancel()
        self.assertEqual(draft.state, "cancelled")
        with self.assertRaises(UserError):
            draft.action_work_done()
        draft.action_draft()
        self.assertEqual(draft.state, "draft")

    def test_send_for_signature_through_the_composer(self):
        contract = self._contract()
        action = contract.with_user(self.salesman).action_send_for_signature()
        composer = Form(
            self.env["mail.compose.message"].with_user(self.salesman).with_context(**action["context"])
        )
        composer.save().action_send_mail()
        self.assertEqual(contract.state, "sent")
        message = contract.message_ids[0]
        self.assertIn(self.portal_user_a.partner_id, message.partner_ids, "sent to the customer's contact")
        self.assertIn(contract.get_portal_url(), message.body, "with the link to the portal page")
        self.assertTrue(message.attachment_ids, "with the contract as PDF")

    def test_signed_content_is_locked(self):
        contract = self._signed_contract()
        with self.assertRaises(UserError):
            contract.amount = 1.0
        contract.user_id = self.admin_user  # not signed content: still editable
        self.assertEqual(contract.action_check_signature()["params"]["type"], "success")

    # ------------------------------------------------------------
    # BAD INPUT
    # ------------------------------------------------------------

    def test_expiry_before_start_is_refused(self):
        with self.assertRaises(ValidationError):
            self._contract(start_date="2026-05-01", expiry_date="2026-04-30")
        contract = self._contract(start_date="2026-05-01", expiry_date="2026-12-31")
        with self.assertRaises(ValidationError):
            contract.expiry_date = "2026-01-01"

    def test_negative_amount_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "negative"):
            self._contract(line_ids=[], amount=-5.0)
        contract = self._contract(line_ids=[], amount=5.0)
        with self.assertRaises(ValidationError):
            contract.amount = -1.0
        self.assertEqual(contract.amount, 5.0)

    def test_periodic_billing_needs_a_next_date(self):
        with self.assertRaises(ValidationError):
            self._contract(billing_period="monthly")
        contract = self._contract(billing_period="monthly", next_billing_date=self.today)
        with self.assertRaises(ValidationError):
            contract.next_billing_date = False

    def test_signing_cancelled_or_signed_contract_is_refused(self):
        contract = self._contract()
        contract.action_cancel()
        with self.assertRaisesRegex(UserError, "cancelled"):
            contract._sign("Mario Rossi", signature_image_b64())
        self.assertFalse(contract.signed_on, "nothing was saved")
        signed = self._signed_contract()
        with self.assertRaisesRegex(UserError, "already been signed"):
            signed._sign("Someone Else", signature_image_b64())
        self.assertEqual(signed.signed_by, "Mario Rossi")
        result = signed._portal_sign("Someone Else", signature_image_b64())
        self.assertIn("already been signed", result["error"])
        result = self._contract()._portal_sign("Mario Rossi", "not-an-image")
        self.assertIn("error", result)

    # ------------------------------------------------------------
    # ORDER -> CONTRACT -> ACCEPTANCE -> INVOICE
    # ------------------------------------------------------------

    def test_order_to_contract_to_acceptance_to_invoice(self):
        action = self.order_a.with_user(self.salesman).action_create_customer_contract()
        contract = self.env["customer.contract"].browse(action["res_id"])
        self.assertEqual(contract.sale_order_id, self.order_a)
        self.assertEqual(contract.partner_id, self.customer_a)
        self.assertEqual(
            contract.line_ids.mapped(lambda line: (line.product_id, line.quantity, line.price_unit)),
            [(self.service, 12.0, 80.0), (self.goods, 1.0, 900.0)],
        )
        self.assertEqual(self.order_a.customer_contract_count, 1)
        contract._send_for_signature()
        contract._sign("Mario Rossi", signature_image_b64())

        contract.with_user(self.salesman).action_work_done()
        activity = contract.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("contract_expiry.mail_activity_type_acceptance")
        )
        self.assertIn(self.admin_user, activity.user_id, "the administrative users are asked for the report")

        action = contract.with_user(self.admin_user).action_new_acceptance()
        acceptance = self.env["customer.contract.acceptance"].browse(action["res_id"])
        self.assertIn("Plant maintenance", acceptance.delivered_items)
        with self.assertRaises(UserError):
            acceptance._sign("Mario Rossi", signature_image_b64())  # not sent yet
        acceptance.with_user(self.admin_user).write({"notes": "All fine"})
        acceptance.with_user(self.admin_user).action_send()
        self.assertEqual(acceptance.state, "sent")
        self.assertTrue(acceptance.access_token)
        acceptance._sign("Mario Rossi", signature_image_b64())
        self.assertEqual(acceptance.state, "signed")
        self.assertEqual(contract.state, "accepted")
        self.assertFalse(
            contract.activity_ids.filtered(lambda a: a.activity_type_id == activity.activity_type_id),
            "the acceptance activity is done",
        )
        self.assertIn(acceptance.signed_pdf_id, contract._portal_documents())

        action = contract.with_user(self.salesman).action_create_invoice()
        invoice = self.env["account.move"].browse(action["res_id"])
        self.assertEqual(invoice.partner_id, self.customer_a)
        self.assertEqual(invoice.customer_contract_id, contract)
        self.assertEqual(invoice.invoice_payment_term_id, contract.payment_term_id)
        self.assertEqual(invoice.amount_untaxed, 12 * 80.0 + 900.0)
        self.assertEqual(contract.invoice_count, 1)

    def test_offer_straight_to_contract(self):
        offer = self.env["sale.order"].create(
            {
                "partner_id": self.customer_a.id,
                "user_id": self.salesman.id,  # the salesman's own offer: salesmen see their own documents
                "order_line": [
                    Command.create({"product_id": self.service.id, "product_uom_qty": 3, "price_unit": 70})
                ],
            }
        )
        action = offer.with_user(self.salesman).action_create_customer_contract()
        contract = self.env["customer.contract"].browse(action["res_id"])
        self.assertEqual(offer.state, "draft", "the offer does not go through the order")
        self.assertEqual(contract.sale_order_id, offer)
        self.assertEqual(
            contract.line_ids.mapped(lambda line: (line.product_id, line.quantity, line.price_unit)),
            [(self.service, 3.0, 70.0)],
        )
        offer.action_confirm()  # the order can still follow later
        self.assertEqual(offer.state, "sale")
        self.assertEqual(offer.customer_contract_ids, contract)

    def test_cancelled_quotation_cannot_become_a_contract(self):
        order = self.env["sale.order"].create({"partner_id": self.customer_a.id})
        order._action_cancel()
        contracts = self.env["customer.contract"].search_count([])
        with self.assertRaises(UserError):
            order.action_create_customer_contract()
        self.assertEqual(self.env["customer.contract"].search_count([]), contracts)

    def test_payment_terms_follow_the_customer(self):
        term = self.env.ref("account.account_payment_term_30days")
        self.customer_b.property_payment_term_id = term
        contract = self._contract(partner=self.customer_b)
        self.assertEqual(contract.payment_term_id, term)

    def test_lines_offer_the_services_sold_to_the_customer(self):
        contract = self._contract()
        self.assertEqual(contract.allowed_product_ids, self.service, "services of A's confirmed orders only")
        self.assertFalse(self._contract(partner=self.customer_b).allowed_product_ids)
        with Form(contract) as form, form.line_ids.new() as line:
            line.product_id = self.service
        self.assertEqual(len(contract.line_ids), 2)

    def test_partner_card_counts_contracts(self):
        self._contract()
        self._contract(partner=self.customer_a)
        self.assertEqual(self.customer_a.customer_contract_count, 2)
        action = self.customer_a.action_view_customer_contracts()
        self.assertEqual(self.env["customer.contract"].search_count(action["domain"]), 2)

    # ------------------------------------------------------------
    # REPORTS AND ACCESS
    # ------------------------------------------------------------

    def test_reports(self):
        contract = self._signed_contract(kind="software")
        Report = self.env["ir.actions.report"]
        html = Report._render_qweb_html("contract_expiry.action_report_contract", contract.ids)[0]
        self.assertIn(contract.name.encode(), html)
        html = Report._render_qweb_html("contract_expiry.action_report_software_licence", contract.ids)[0]
        self.assertIn(b"Licence key", html)
        with self.assertRaises(UserError):
            Report._render_qweb_html("contract_expiry.action_report_software_licence", self._contract().ids)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.addons.base.models.ir_model")
    def test_orm_access_of_portal_users(self):
        contract_a = self._contract()
        contract_b = self._contract(partner=self.portal_user_b.partner_id)
        (contract_a | contract_b)._send_for_signature()
        Contract = self.env["customer.contract"]
        self.assertEqual(Contract.with_user(self.portal_user_a).search([]), contract_a)
        contract_a.with_user(self.portal_user_a).check_access("read")
        for user, contract in (
            (self.portal_user_a, contract_b),
            (self.portal_user_a2, contract_a),  # A's contact without the contracts flag
            (self.portal_user_b, contract_a),
        ):
            with self.assertRaises(AccessError):
                contract.with_user(user).check_access("read")
        with self.assertRaises(AccessError):
            contract_a.with_user(self.portal_user_a).write({"title": "Changed"})
        with self.assertRaises(AccessError):
            Contract.with_user(self.portal_user_a).create({"title": "X", "partner_id": self.customer_a.id})
        with self.assertRaises(AccessError):
            contract_a.with_user(self.portal_user_a).unlink()
        self.assertFalse(Contract.with_user(self.portal_user_a2).search([]))
        # Unticking the flag closes the door at once.
        self.portal_user_a.partner_id.portal_contracts_access = False
        with self.assertRaises(AccessError):
            contract_a.with_user(self.portal_user_a).check_access("read")

    def test_salesman_cannot_delete_a_signed_contract(self):
        contract = self._signed_contract()
        with self.assertRaises(UserError):
            contract.unlink()

    def test_sequence_lines_copy(self):
        contract = self._signed_contract()
        copy = contract.copy()
        self.assertEqual(copy.state, "draft")
        self.assertFalse(copy.is_signed)
        self.assertEqual(len(copy.line_ids), 1)
        self.assertNotEqual(copy.name, contract.name)
        copy.write({"line_ids": [Command.clear()], "amount": 10.0})
        self.assertEqual(copy.amount, 10.0)
