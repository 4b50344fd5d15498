from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from .common import CollectionCommon

# What a billing user could try to change on an issued receipt, and what the receipt keeps.
FORGED = {
    "amount": 1.0,
    "date": "2018-12-31",
    "state": "cancel",
    "cancel_reason": "typo",
    "cashier_id": False,
    "payment_id": False,
}
# Context keys a client could send hoping for a bypass: none of them is trusted.
FORGED_CONTEXT = {
    "signed_document_unlock": True,
    "force": True,
    "install_mode": True,
    "tracking_disable": True,
}


class ReceiptLockCommon(CollectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_partner = cls.env["res.partner"].create({"name": "Other Payer SRL", "is_company": True})
        cls.other_currency = cls.setup_other_currency("EUR")
        cls.other_company = cls.env["res.company"].create({"name": "Other Company SRL"})

    def setUp(self):
        super().setUp()
        self.payment = self._register(
            self._invoice(self.customer, 100.0), self.method_cash, self.cash_journal
        )
        self.receipt = self.payment.cash_receipt_id
        self.assertTrue(self.receipt)

    def _forged_values(self):
        return dict(
            FORGED,
            partner_id=self.other_partner.id,
            currency_id=self.other_currency.id,
            number="000001",
            series="X",
            company_id=self.other_company.id,
        )

    def _snapshot(self, receipt):
        receipt.invalidate_recordset()
        fields_ = [*FORGED, "partner_id", "currency_id", "number", "series", "company_id", "name"]
        return receipt.sudo().read(fields_)[0]


@tagged("post_install", "-at_install")
class TestReceiptLock(ReceiptLockCommon):
    """An issued receipt is a fiscal document: nobody edits it, it only follows its payment."""

    def test_billing_user_cannot_change_an_issued_receipt(self):
        before = self._snapshot(self.receipt)
        receipt = self.receipt.with_user(self.billing_user).with_context(**FORGED_CONTEXT)
        for name, value in self._forged_values().items():
            with self.subTest(field=name), self.assertRaises(UserError):
                receipt.write({name: value})
        self.assertEqual(self._snapshot(self.receipt), before)
        self.assertEqual(self.receipt.state, "valid")

    def test_not_even_superuser_code_edits_it(self):
        before = self._snapshot(self.receipt)
        for name, value in self._forged_values().items():
            with self.subTest(field=name), self.assertRaises(UserError):
                self.receipt.sudo().write({name: value})
        self.assertEqual(self._snapshot(self.receipt), before)

    def test_billing_user_cannot_issue_receipts_himself(self):
        Receipt = self.env["account.cash.receipt"].with_user(self.billing_user)
        with mute_logger("odoo.addons.base.models.ir_model"):
            with self.assertRaises(AccessError):
                Receipt.create({"partner_id": self.customer.id, "amount": 5000.0})
            with self.assertRaises(AccessError):
                self.receipt.with_user(self.billing_user).copy()
        self.assertEqual(self.env["account.cash.receipt"].search_count([("amount", "=", 5000.0)]), 0)

    def test_not_through_the_payment_either(self):
        payment = self.payment.with_user(self.billing_user)
        before = self._snapshot(self.receipt)
        for command in (
            Command.update(self.receipt.id, {"amount": 1.0}),
            Command.unlink(self.receipt.id),
            Command.set([]),
        ):
            with self.subTest(command=command), self.assertRaises(UserError):
                payment.write({"cash_receipt_ids": [command]})
        with mute_logger("odoo.addons.base.models.ir_model"), self.assertRaises(AccessError):
            payment.write(
                {"cash_receipt_ids": [Command.create({"partner_id": self.customer.id, "amount": 9.0})]}
            )
        self.assertEqual(self._snapshot(self.receipt), before)
        self.assertEqual(self.payment.cash_receipt_ids, self.receipt)

    def test_chatter_stays_open(self):
        self.receipt.with_user(self.billing_user).message_post(body="Copy handed to the customer.")
        self.assertIn("Copy handed to the customer.", str(self.receipt.message_ids[0].body))

    def test_cancelled_with_its_payment_only_and_for_good(self):
        self.payment.with_user(self.billing_user).action_draft()
        self.assertEqual(self.receipt.state, "cancel")
        self.assertIn(self.payment.display_name, self.receipt.cancel_reason)
        self.assertIn("reset to draft", self.receipt.cancel_reason)
        reason = self.receipt.cancel_reason
        for values in ({"state": "valid"}, {"cancel_reason": "nothing happened"}):
            with self.subTest(values=values), self.assertRaises(UserError):
                self.receipt.sudo().write(values)
        self.assertEqual((self.receipt.state, self.receipt.cancel_reason), ("cancel", reason))
        self.payment.action_post()
        self.payment.action_cancel()
        reposted = self.payment.cash_receipt_ids - self.receipt
        self.assertEqual(reposted.state, "cancel")
        self.assertIn("cancelled", reposted.cancel_reason)


@tagged("post_install", "-at_install")
class TestReceiptLockRpc(ReceiptLockCommon, HttpCase):
    """The same attacks as the browser's client would send them, over JSON-RPC."""

    def _call(self, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": "account.cash.receipt",
                "method": method,
                "args": args,
                "kwargs": {"context": FORGED_CONTEXT, **(kwargs or {})},
            },
        )

    @mute_logger("odoo.http", "odoo.addons.base.models.ir_model")
    def test_rpc_cannot_change_or_forge_receipts(self):
        self.authenticate(self.billing_user.login, self.billing_user.login)
        before = self._snapshot(self.receipt)
        self.assertEqual(self._call("read", [self.receipt.ids, ["amount"]])[0]["amount"], 100.0)
        attempts = [
            ("write", [self.receipt.ids, {"amount": 1.0}], "UserError"),
            ("write", [self.receipt.ids, {"partner_id": self.other_partner.id}], "UserError"),
            ("write", [self.receipt.ids, {"state": "cancel"}], "UserError"),
            ("write", [self.receipt.ids, {"date": "2018-12-31", "payment_id": False}], "UserError"),
            ("web_save", [self.receipt.ids, {"amount": 1.0}], "UserError"),
            ("create", [{"partner_id": self.customer.id, "amount": 5000.0}], "AccessError"),
            ("copy", [self.receipt.ids], "AccessError"),
            ("unlink", [self.receipt.ids], "AccessError"),
            ("_cancel_with_payment", [self.receipt.ids, "forged"], "AccessError"),
        ]
        for method, args, error in attempts:
            with self.subTest(method=method, args=args):
                with self.assertRaises(JsonRpcException) as caught:
                    self._call(
                        method, args, {"specification": {"amount": {}}} if method == "web_save" else None
                    )
                self.assertEqual(caught.exception.args[0], f"odoo.exceptions.{error}")
        self.assertEqual(self._snapshot(self.receipt), before)
        self.assertEqual(self.env["account.cash.receipt"].search_count([("amount", "=", 5000.0)]), 0)
