from odoo import Command
from odoo.addons.customer_portal_base.tests.common import CallKwMixin
from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger

from .common import ContractCase, signature_image_b64

UNLOCK = {"signed_document_unlock": True}


@tagged("post_install", "-at_install")
class TestContractSecurityOverHttp(ContractCase, CallKwMixin, HttpCase):
    """The attacks replayed over the real routes: JSON-RPC of the web client, portal pages and reports."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user_b.partner_id.portal_contracts_access = True
        cls.signed = cls._signed_contract(title="Signed heating", kind="software")
        cls.signed.action_work_done()
        cls.acceptance = cls.env["customer.contract.acceptance"].create(
            {"contract_id": cls.signed.id, "delivered_items": "Boiler serviced"}
        )
        cls.acceptance.action_send()
        cls.draft = cls._contract(title="Secret draft", kind="software")
        cls.draft_acceptance = cls.env["customer.contract.acceptance"].create(
            {
                "contract_id": cls.signed.id,
                "delivered_items": "Nothing yet",
                "notes": "Internal: discount 40%",
            }
        )

    def _refused(self, model, method, args, kwargs=None):
        # Every call carries the context key that once unlocked the signed fields.
        return self._call_kw_refused(model, method, args, kwargs or {"context": UNLOCK})

    @mute_logger("odoo.http")
    def test_salesman_over_json_rpc_with_the_unlock_key(self):
        self.authenticate("salesman", "salesman")
        contract_id, line_id = self.signed.id, self.signed.line_ids.id
        self.assertEqual(
            self._refused("customer.contract", "write", [[contract_id], {"amount": 1.0}]),
            "odoo.exceptions.UserError",
        )
        self.assertEqual(
            self._refused("customer.contract", "write", [[contract_id], {"signed_hash": "0" * 64}]),
            "odoo.exceptions.AccessError",
        )
        self.assertEqual(
            self._refused("customer.contract", "write", [[contract_id], {"signed_on": False}]),
            "odoo.exceptions.AccessError",
        )
        self.assertEqual(
            self._refused(
                "customer.contract.line", "write", [[line_id], {"price_unit": 1.0, "quantity": 99}]
            ),
            "odoo.exceptions.UserError",
        )
        self.assertEqual(
            self._refused("customer.contract.line", "unlink", [[line_id]]), "odoo.exceptions.UserError"
        )
        self.assertEqual(
            self._refused(
                "customer.contract",
                "write",
                [[contract_id], {"line_ids": [Command.create({"product_id": self.service.id})]}],
            ),
            "odoo.exceptions.UserError",
        )
        self.assertEqual(
            self._refused("customer.contract", "action_new_revision", [[contract_id]]),
            "odoo.exceptions.AccessError",
        )
        # Nor can staff sign in the customer's name: the signing method is not reachable over RPC.
        self.assertEqual(
            self._refused(
                "customer.contract", "_sign", [[self.draft.id], "Mario Rossi", signature_image_b64()]
            ),
            "odoo.exceptions.AccessError",
        )
        self.assertFalse(self.draft.is_signed)
        self.assertTrue(self.signed.is_signed)
        self.assertEqual(self.signed.line_ids.mapped("price_unit"), [80.0])
        self.assertEqual(self.signed.action_check_signature()["params"]["type"], "success")

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_salesman_cannot_read_another_salesmans_contract(self):
        new_test_user(self.env, login="salesman_two", groups="sales_team.group_sale_salesman")
        self.authenticate("salesman_two", "salesman_two")
        self.assertEqual(
            self._refused("customer.contract", "read", [[self.signed.id], ["title"]]),
            "odoo.exceptions.AccessError",
        )
        found = self._call_kw(
            "customer.contract",
            "search_read",
            [[("id", "=", self.signed.id)], ["title"]],
            {"context": UNLOCK},
        )
        self.assertEqual(found, [])

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_rule")
    def test_draft_contract_is_hidden_from_the_customer(self):
        self.authenticate("portal_a", "portal_a")
        self.assertNotIn("Secret draft", self.url_open("/my/contracts").text)
        for url in (
            f"/my/contracts/{self.draft.id}",
            f"/my/contracts/{self.draft.id}?report_type=pdf",
            f"/my/acceptances/{self.draft_acceptance.id}",
            f"/my/acceptances/{self.draft_acceptance.id}?report_type=html",
        ):
            self.assertEqual(self.url_open(url).status_code, 404, url)
        # Not even with a token left over (a cancelled contract reset to draft keeps its token).
        token_url = self.draft.get_portal_url()
        for login in ("portal_a", None):
            self.authenticate(login, login)
            self.assertEqual(self.url_open(token_url).status_code, 404, login)
            result = self.make_jsonrpc_request(
                self.draft.get_portal_url(suffix="/sign"),
                {"name": "Mario Rossi", "signature": signature_image_b64()},
            )
            self.assertIn("error", result)
            self.assertEqual(self.url_open(self.draft_acceptance.get_portal_url()).status_code, 404, login)
        self.assertFalse(self.draft.is_signed)
        # The ORM agrees: the record rules do not give a portal user a draft.
        self.assertFalse(
            self.env["customer.contract"].with_user(self.portal_user_a).search([("id", "=", self.draft.id)])
        )
        self.assertFalse(
            self.env["customer.contract.acceptance"]
            .with_user(self.portal_user_a)
            .search([("id", "=", self.draft_acceptance.id)])
        )
        self.assertFalse(
            self.env["customer.contract.line"]
            .with_user(self.portal_user_a)
            .search([("contract_id", "=", self.draft.id)])
        )

    @mute_logger("odoo.http")
    def test_tokens_are_not_handed_on(self):
        contract_token = self.signed.access_token
        acceptance_token = self.acceptance.access_token
        self.assertTrue(contract_token and acceptance_token)
        # The signer of the acceptance report, from the e-mail link, not logged in.
        self.authenticate(None, None)
        page = self.url_open(self.acceptance.get_portal_url())
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.signed.name, page.text)
        self.assertNotIn(contract_token, page.text)
        page = self.url_open(self.signed.get_portal_url())
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.acceptance.name, page.text)
        self.assertNotIn(acceptance_token, page.text)
        # The customer's portal user has access by the rules: plain links, without tokens.
        self.authenticate("portal_a", "portal_a")
        page = self.url_open(f"/my/acceptances/{self.acceptance.id}").text
        self.assertIn(f'href="/my/contracts/{self.signed.id}"', page)
        self.assertNotIn(contract_token, page)
        page = self.url_open(f"/my/contracts/{self.signed.id}").text
        self.assertIn(f'href="/my/acceptances/{self.acceptance.id}"', page)
        self.assertNotIn(acceptance_token, page)

    @mute_logger("odoo.http")
    def test_licence_served_only_for_a_running_signed_contract(self):
        self.draft._send_for_signature()  # sent, not signed
        self.authenticate("portal_a", "portal_a")
        url = "/my/contracts/%s?report_type=html&licence=1"
        self.assertIn("Licence key", self.url_open(url % self.signed.id).text)
        self.assertEqual(self.url_open(url % self.draft.id).status_code, 404)
        self.signed.state = "expired"
        self.assertEqual(self.url_open(url % self.signed.id).status_code, 404)
        self.signed.state = "signed"
        self.signed.action_cancel()
        self.assertEqual(self.url_open(url % self.signed.id).status_code, 404)
        # Odoo's own report route refuses it too.
        response = self.url_open(f"/report/html/contract_expiry.report_software_licence/{self.signed.id}")
        self.assertNotIn("Licence key", response.text)

    @mute_logger("odoo.http")
    def test_acceptance_of_a_cancelled_contract_is_not_signed(self):
        self.signed.action_cancel()
        self.authenticate(None, None)
        result = self.make_jsonrpc_request(
            self.acceptance.get_portal_url(suffix="/sign"),
            {"name": "Mario Rossi", "signature": signature_image_b64()},
        )
        self.assertIn("no longer running", result["error"])
        self.assertFalse(self.acceptance.is_signed)

    @mute_logger("odoo.http")
    def test_message_post_context_does_not_send_a_draft(self):
        """A token of a contract sent, cancelled and reset to draft no longer opens it; even a valid token
        and the composer's context key over `/mail/message/post` leave the draft unsignable."""
        contract = self._contract(title="Reset contract")
        contract._send_for_signature()
        sent_token = contract.access_token
        contract.action_cancel()
        cancelled_token = contract.access_token
        contract.action_draft()
        self.assertEqual(contract.state, "draft")
        self.assertEqual(len({sent_token, cancelled_token, contract.access_token}), 3, "rotated each time")

        def post(token):
            return self.make_jsonrpc_request(
                "/mail/message/post",
                {
                    "thread_model": "customer.contract",
                    "thread_id": contract.id,
                    "post_data": {"body": "Please sign", "message_type": "comment"},
                    "token": token,
                    "context": {"mark_contract_as_sent": True},
                },
            )

        self.authenticate(None, None)
        for token in (sent_token, cancelled_token):
            with self.assertRaises(JsonRpcException):
                post(token)
        self.assertTrue(post(contract.access_token)["message_id"])
        self.authenticate("portal_a", "portal_a")
        self.assertTrue(post(contract.access_token)["message_id"])
        self.assertEqual(contract.state, "draft")
        result = self.make_jsonrpc_request(
            contract.get_portal_url(suffix="/sign"),
            {"name": "Mario Rossi", "signature": signature_image_b64()},
        )
        self.assertIn("error", result)
        self.assertFalse(contract.is_signed)

    @mute_logger("odoo.http")
    def test_salesman_cannot_write_the_state_over_json_rpc(self):
        self.authenticate("salesman", "salesman")
        draft_id = self.draft.id
        for vals in ({"state": "signed"}, {"state": "accepted"}, {"work_done_on": "2026-01-01"}):
            with self.subTest(vals=vals):
                self.assertEqual(
                    self._refused("customer.contract", "write", [[draft_id], vals]),
                    "odoo.exceptions.AccessError",
                )
        self.assertEqual(
            self._refused(
                "customer.contract",
                "create",
                [{"title": "Forged", "partner_id": self.portal_user_a.partner_id.id, "state": "accepted"}],
            ),
            "odoo.exceptions.AccessError",
        )
        self.assertEqual(self.draft.state, "draft")
        self.assertFalse(self.draft.work_done_on)
        self.assertFalse(self.env["customer.contract"].search([("title", "=", "Forged")]))
        # The button still works over the same route.
        self._call_kw("customer.contract", "action_cancel", [[draft_id]], {"context": UNLOCK})
        self.assertEqual(self.draft.state, "cancelled")
