from odoo.addons.account_payment.tests.common import AccountPaymentCommon
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger

from .common import CollectionCommon


@tagged("post_install", "-at_install")
class TestCardPortal(CollectionCommon, AccountPaymentCommon, HttpCase):
    """Card payments through a provider; Odoo's dummy provider (with its journal) stands for a real one."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_a, cls.portal_b = (
            new_test_user(
                cls.env,
                login=login,
                password=login,
                groups="base.group_portal",
                company_id=cls.company.id,
                company_ids=[cls.company.id],
            )
            for login in ("pm_portal_a", "pm_portal_b")
        )
        cls.invoice_a = cls._invoice(cls.portal_a.partner_id, 150.0)
        cls.invoice_b = cls._invoice(cls.portal_b.partner_id, 70.0)

    def _pay_online(self, invoice, provider_answer):
        """What the portal pay button does: create the transaction, let the provider answer, poll."""
        self.authenticate(self.portal_a.login, self.portal_a.login)
        invoice._portal_ensure_token()
        processing_values = self.make_jsonrpc_request(
            f"/invoice/transaction/{invoice.id}",
            {
                "access_token": invoice.access_token,
                "provider_id": self.provider.id,
                "payment_method_id": self.provider.payment_method_ids[:1].id,
                "token_id": None,
                "amount": invoice.amount_residual,
                "flow": "direct",
                "tokenization_requested": False,
                "landing_route": invoice.get_portal_url(),
            },
        )
        reference = processing_values["reference"]
        tx = self.env["payment.transaction"].sudo().search([("reference", "=", reference)])
        # The provider's answer, as its webhook would apply it ...
        if provider_answer == "done":
            tx._set_done()
        elif provider_answer == "cancel":
            tx._set_canceled(state_message="Cancelled by the customer.")
        else:
            tx._set_error("Card declined.")
        # ... then the status page polls on its own, which post-processes the transaction.
        self.make_jsonrpc_request("/payment/status/poll")
        return tx

    def test_card_confirmation_pays_invoice(self):
        tx = self._pay_online(self.invoice_a, "done")
        self.assertEqual(tx.state, "done")
        self.assertTrue(tx.is_post_processed)
        self.assertEqual(tx.payment_id.collection_method_id, self.method_card)
        self.assertEqual(tx.payment_id.collection_kind, "card")
        self.invoice_a.invalidate_recordset()
        self.assertIn(self.invoice_a.payment_state, ("paid", "in_payment"))
        self.assertEqual(self.invoice_a.collection_method_id, self.method_card)

    @mute_logger("odoo.addons.payment.models.payment_transaction")
    def test_failed_or_cancelled_transaction_leaves_invoice_open(self):
        for state in ("cancel", "error"):
            with self.subTest(state=state):
                tx = self._pay_online(self.invoice_a, state)
                self.assertEqual(tx.state, state)
                self.assertFalse(tx.payment_id)
                self.invoice_a.invalidate_recordset()
                self.assertEqual(self.invoice_a.payment_state, "not_paid")
                self.assertIn(
                    f"The online payment {tx.reference} did not go through",
                    self.invoice_a.message_ids[0].body,
                )

    def test_portal_customer_sees_only_own_invoices(self):
        anonymous = self.url_open(f"/my/invoices/{self.invoice_b.id}")
        self.assertIn("/web/login", anonymous.url, "no token, not logged in: sent to the login page")
        self.authenticate(self.portal_b.login, self.portal_b.login)
        own = self.url_open(f"/my/invoices/{self.invoice_b.id}")
        self.assertEqual(own.status_code, 200)
        listing = self.url_open("/my/invoices")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.invoice_b.name, listing.text)
        self.assertNotIn(self.invoice_a.name, listing.text)
        for url in (
            f"/my/invoices/{self.invoice_a.id}",
            f"/my/invoices/{self.invoice_a.id}?access_token=forged",
            f"/my/invoices/{self.invoice_a.id}?report_type=pdf&download=True",
        ):
            with self.subTest(url=url):
                # Odoo's own answer, kept as its tests expect it: back to the portal home, nothing shown.
                response = self.url_open(url)
                self.assertTrue(response.url.endswith("/my"), response.url)
                self.assertNotIn(self.invoice_a.name, response.text)
                self.assertNotIn(self.invoice_a.partner_id.name, response.text)

    @mute_logger("odoo.http")
    def test_portal_customer_cannot_pay_another_customers_invoice(self):
        self.authenticate(self.portal_b.login, self.portal_b.login)
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                f"/invoice/transaction/{self.invoice_a.id}",
                {
                    "access_token": "forged",
                    "provider_id": self.provider.id,
                    "payment_method_id": self.provider.payment_method_ids[:1].id,
                    "token_id": None,
                    "amount": self.invoice_a.amount_residual,
                    "flow": "direct",
                    "tokenization_requested": False,
                    "landing_route": "/my",
                },
            )
        self.assertFalse(self.invoice_a.sudo().transaction_ids)

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_portal_orm_access(self):
        invoice = self.invoice_a.with_user(self.portal_b)
        with self.assertRaises(AccessError):
            invoice.read(["name"])
        with self.assertRaises(AccessError):
            invoice.write({"ref": "hack"})
        self.assertEqual(
            self.invoice_a.with_user(self.portal_a).read(["name"])[0]["name"], self.invoice_a.name
        )
        with self.assertRaises(AccessError):
            self.env["account.cash.receipt"].with_user(self.portal_a).search([])

    def test_tour_register_pos_payment_from_invoice(self):
        invoice = self._invoice(self.customer, 90.0)
        self.start_tour(
            f"/odoo/action-account.action_move_out_invoice_type/{invoice.id}",
            "payment_methods_ro_it_register_pos",
            login=self.billing_user.login,
        )
        payment = invoice.matched_payment_ids
        self.assertEqual(payment.collection_method_id, self.method_pos)
        self.assertEqual(payment.pos_transaction_ref, "TOUR-42")
