from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import ContractCase, signature_image_b64

UNLOCK = {"signed_document_unlock": True}  # the context key that once unlocked signed documents


@tagged("post_install", "-at_install")
class TestSignedContractSecurity(ContractCase):
    """A signed contract and acceptance report, attacked from the ORM by staff without the manager role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales_manager = new_test_user(
            cls.env, login="sales_manager", groups="sales_team.group_sale_manager", name="Sara Manager"
        )
        cls.other_salesman = new_test_user(
            cls.env, login="other_salesman", groups="sales_team.group_sale_salesman", name="Otto Other"
        )
        cls.annex = cls.env["ir.attachment"].create(
            {"name": "annex.txt", "raw": b"terms of the annex", "res_model": "customer.contract", "res_id": 0}
        )

    def _signed(self, **vals):
        contract = self._contract(document_ids=[Command.set(self.annex.ids)], **vals)
        self.annex.res_id = contract.id
        contract._send_for_signature()
        contract._sign("Mario Rossi", signature_image_b64(), ip="10.0.0.1")
        return contract

    def _check(self, record):
        return record.action_check_signature()["params"]["type"]

    def test_signature_fields_are_written_only_by_signing(self):
        contract = self._signed()
        sent = self._contract()
        sent._send_for_signature()
        forged = {
            "signed_hash": "0" * 64,
            "signed_by": "Someone Else",
            "signer_ip": "1.2.3.4",
            "signed_on": False,
            "signature": signature_image_b64(),
            "signed_pdf_id": self.annex.id,
            "is_signed": False,
        }
        for record in (contract, sent):
            for field, value in forged.items():
                for context in ({}, UNLOCK):
                    with self.subTest(field=field, context=context), self.assertRaises(AccessError):
                        record.with_user(self.salesman).with_context(**context).write({field: value})
        with self.assertRaises(AccessError):
            self.env["customer.contract"].with_user(self.salesman).with_context(**UNLOCK).create(
                {"title": "Forged", "partner_id": self.customer_a.id, "signed_on": "2026-01-01 10:00:00"}
            )
        self.assertEqual((contract.signed_by, contract.signer_ip), ("Mario Rossi", "10.0.0.1"))
        self.assertFalse(sent.is_signed)
        self.assertEqual(self._check(contract), "success")

    def test_unlock_context_key_unlocks_nothing(self):
        contract = self._signed()
        as_salesman = contract.with_user(self.salesman).with_context(**UNLOCK)
        for vals in ({"amount": 1.0}, {"title": "Cheaper"}, {"fiscal_position_id": False}):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "is signed"):
                as_salesman.write(vals)
        self.assertEqual(contract.amount, 160.0)
        self.assertEqual(self._check(contract), "success")

    def test_lines_are_locked_once_signed(self):
        contract = self._signed()
        line = contract.line_ids.with_user(self.salesman).with_context(**UNLOCK)
        changes = ({"price_unit": 1.0}, {"quantity": 100}, {"discount": 50}, {"tax_ids": [Command.clear()]})
        for vals in changes:
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "its lines cannot change"):
                line.write(vals)
        with self.assertRaisesRegex(UserError, "its lines cannot change"):
            line.unlink()
        with self.assertRaisesRegex(UserError, "its lines cannot change"):
            line.create({"contract_id": contract.id, "product_id": self.service.id, "price_unit": 0})
        with self.assertRaisesRegex(UserError, "is signed"):
            contract.with_user(self.salesman).write(
                {"line_ids": [Command.create({"product_id": self.service.id, "price_unit": 0})]}
            )
        # Nor can a line of another contract be moved onto it.
        draft_line = self._contract().line_ids
        with self.assertRaisesRegex(UserError, "its lines cannot change"):
            draft_line.with_user(self.salesman).write({"contract_id": contract.id})
        self.assertEqual(contract.line_ids.mapped(lambda li: (li.quantity, li.price_unit)), [(2.0, 80.0)])
        self.assertEqual(self._check(contract), "success")

    def test_fingerprint_covers_lines_documents_and_signature(self):
        contract = self._signed()
        line = contract.line_ids
        # Each change made behind the ORM's locks (in the database, or on the attached file) shows.
        self.env.cr.execute("UPDATE customer_contract_line SET price_unit = 1 WHERE id = %s", [line.id])
        self.env.invalidate_all()
        self.assertEqual(self._check(contract), "danger", "a line's price")
        self.env.cr.execute("UPDATE customer_contract_line SET price_unit = 80 WHERE id = %s", [line.id])
        self.env.invalidate_all()
        self.assertEqual(self._check(contract), "success")
        # The annex is locked for users (test_contract_text); replaced by superuser code, the check sees it.
        self.annex.sudo().write({"raw": b"other terms"})
        self.assertEqual(self._check(contract), "danger", "an attached document")
        self.annex.sudo().write({"raw": b"terms of the annex"})
        self.assertEqual(self._check(contract), "success")
        self.env.cr.execute("UPDATE customer_contract SET signer_ip = '6.6.6.6' WHERE id = %s", [contract.id])
        self.env.invalidate_all()
        self.assertEqual(self._check(contract), "danger", "the signer's IP")

    def test_documents_are_locked_once_signed(self):
        contract = self._signed()
        other = self.env["ir.attachment"].create({"name": "swap.txt", "raw": b"swap"})
        for command in (Command.link(other.id), Command.unlink(self.annex.id), Command.clear()):
            with self.subTest(command=command), self.assertRaisesRegex(UserError, "is signed"):
                contract.with_user(self.salesman).with_context(**UNLOCK).write({"document_ids": [command]})
        self.assertEqual(contract.document_ids, self.annex)

    def test_new_revision_only_for_the_manager(self):
        contract = self._signed()
        for user in (self.salesman, self.admin_user):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                contract.with_user(user).with_context(**UNLOCK).action_new_revision()
        self.assertTrue(contract.is_signed)
        contract.action_cancel()
        with self.assertRaises(AccessError):
            contract.with_user(self.salesman).action_draft()  # would drop the signature
        self.assertTrue(contract.is_signed)
        contract.with_user(self.sales_manager).action_draft()
        self.assertEqual(contract.state, "draft")
        self.assertFalse(contract.is_signed)
        contract.with_user(self.salesman).line_ids.price_unit = 90.0  # a new revision: editable again
        # A cancelled contract that was never signed goes back to draft as before.
        unsigned = self._contract()
        unsigned.action_cancel()
        unsigned.with_user(self.salesman).action_draft()
        self.assertEqual(unsigned.state, "draft")

    def _sent_acceptance(self, contract):
        contract.action_work_done()
        acceptance = self.env["customer.contract.acceptance"].create(
            {"contract_id": contract.id, "delivered_items": "Boiler serviced"}
        )
        acceptance.action_send()
        return acceptance

    def test_acceptance_revision_and_lock(self):
        acceptance = self._sent_acceptance(self._signed())
        acceptance._sign("Mario Rossi", signature_image_b64())
        with self.assertRaisesRegex(UserError, "is signed"):
            acceptance.with_user(self.admin_user).with_context(**UNLOCK).write({"delivered_items": "Nothing"})
        with self.assertRaises(AccessError):
            acceptance.with_user(self.admin_user).with_context(**UNLOCK).write({"signed_hash": "0" * 64})
        for user in (self.salesman, self.sales_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                acceptance.with_user(user).action_new_revision()
        self.assertTrue(acceptance.is_signed)
        acceptance.with_user(self.admin_user).action_new_revision()
        self.assertFalse(acceptance.is_signed)

    def test_acceptance_of_a_contract_no_longer_running_is_not_signed(self):
        for end in ("action_cancel", "expired", "action_close"):
            contract = self._signed()
            acceptance = self._sent_acceptance(contract)
            if end == "expired":
                contract.state = "expired"  # as the expiry cron does
            else:
                getattr(contract, end)()
            with self.subTest(end=end):
                result = acceptance._portal_sign("Mario Rossi", signature_image_b64())
                self.assertIn("no longer running", result["error"])
                self.assertFalse(acceptance.is_signed)
                self.assertEqual(acceptance.state, "sent")

    def test_draft_contract_is_not_signed(self):
        contract = self._contract()
        with self.assertRaisesRegex(UserError, "not been sent"):
            contract._sign("Mario Rossi", signature_image_b64())
        self.assertFalse(contract.is_signed)

    def test_licence_only_for_a_running_signed_contract(self):
        Report = self.env["ir.actions.report"]
        licence = "contract_expiry.action_report_software_licence"
        draft = self._contract(kind="software")
        sent = self._contract(kind="software")
        sent._send_for_signature()
        cancelled = self._contract(kind="software")
        cancelled.action_cancel()
        expired, closed = self._signed(kind="software"), self._signed(kind="software")
        expired.state = "expired"
        closed.action_close()
        for contract in (draft, sent, cancelled, expired, closed):
            with self.subTest(state=contract.state), self.assertRaisesRegex(UserError, "running"):
                Report.with_user(self.salesman)._render_qweb_html(licence, contract.ids)
        running = self._signed(kind="software")
        self.assertIn(b"Licence key", Report._render_qweb_html(licence, running.ids)[0])
        self._sent_acceptance(running)._sign("Mario Rossi", signature_image_b64())
        self.assertEqual(running.state, "accepted")
        self.assertIn(b"Licence key", Report._render_qweb_html(licence, running.ids)[0])

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_salesman_sees_own_and_unassigned_contracts_only(self):
        mine = self._contract(title="Mine")
        unassigned = self._contract(title="Unassigned", user_id=False)
        theirs = self._contract(title="Theirs", user_id=self.other_salesman.id)
        theirs._send_for_signature()
        theirs._sign("Bruno Bianchi", signature_image_b64())
        theirs.action_work_done()
        acceptance = self.env["customer.contract.acceptance"].create(
            {"contract_id": theirs.id, "delivered_items": "Boiler serviced"}
        )
        Contract = self.env["customer.contract"].with_user(self.salesman)
        self.assertEqual(Contract.search([("id", "in", (mine | unassigned | theirs).ids)]), mine | unassigned)
        for record in (theirs, theirs.line_ids, acceptance):
            with self.subTest(model=record._name):
                with self.assertRaises(AccessError):
                    record.with_user(self.salesman).check_access("read")
                with self.assertRaises(AccessError):
                    record.with_user(self.salesman).read(["display_name"])
        with self.assertRaises(AccessError):
            theirs.with_user(self.salesman).write({"user_id": self.salesman.id})
        self.assertEqual(theirs.user_id, self.other_salesman)
        # The sales manager and the administrative users see every contract.
        for user in (self.sales_manager, self.admin_user):
            with self.subTest(user=user.login):
                everything = (mine | unassigned | theirs).with_user(user)
                everything.check_access("read")
                everything.line_ids.check_access("read")
                acceptance.with_user(user).check_access("read")

    def test_workflow_fields_are_set_by_the_actions_only(self):
        """A salesman cannot write a contract signed, accepted or worked (the cron would invoice it, the
        licence would be served), nor create one in such a state; the actions still work for him."""
        contract = self._contract()
        contract._send_for_signature()
        as_salesman = contract.with_user(self.salesman)
        for vals in (
            {"state": "signed"},
            {"state": "accepted"},
            {"state": "draft"},
            {"work_done_on": self.today},
            {"alert_sent": True},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                as_salesman.write(vals)
        self.assertEqual(contract.state, "sent")
        self.assertFalse(contract.work_done_on or contract.alert_sent)
        Contract = self.env["customer.contract"].with_user(self.salesman)
        values = {
            "title": "Forged",
            "partner_id": self.portal_user_a.partner_id.id,
            "user_id": self.salesman.id,
            "line_ids": [Command.create({"product_id": self.service.id, "quantity": 1, "price_unit": 10.0})],
        }
        for vals in ({"state": "accepted"}, {"state": "signed"}, {"work_done_on": self.today}):
            with self.subTest(create=vals), self.assertRaises(AccessError):
                Contract.create(dict(values, **vals))
        self.assertFalse(self.env["customer.contract"].search([("title", "=", "Forged")]))
        # The defaults may be given, and a new expiry date still re-arms the alert.
        draft = Contract.create(dict(values, state="draft", alert_sent=False))
        self.assertEqual(draft.state, "draft")
        draft.expiry_date = self.today.replace(year=self.today.year + 1)
        self.assertFalse(draft.alert_sent)
        # The state machine is the way.
        as_salesman.action_cancel()
        as_salesman.action_draft()
        self.assertEqual(contract.state, "draft")
        contract._send_for_signature()
        contract._sign("Mario Rossi", signature_image_b64())
        self.assertEqual(contract.state, "signed")
        as_salesman.action_work_done()
        self.assertTrue(contract.work_done_on)
        acceptance = self.env["customer.contract.acceptance"].create(
            {"contract_id": contract.id, "delivered_items": "Boiler serviced"}
        )
        with self.assertRaises(AccessError):
            acceptance.with_user(self.admin_user).write({"state": "signed"})
        with self.assertRaises(AccessError):
            self.env["customer.contract.acceptance"].with_user(self.admin_user).create(
                {"contract_id": contract.id, "delivered_items": "Forged", "state": "signed"}
            )
        acceptance.with_user(self.admin_user).action_send()
        self.assertEqual(acceptance.state, "sent")
        acceptance._sign("Mario Rossi", signature_image_b64())
        self.assertEqual((acceptance.state, contract.state), ("signed", "accepted"))
