from dateutil.relativedelta import relativedelta

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import ContractCase


@tagged("post_install", "-at_install")
class TestRenewal(ContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.contract_renewal_notice_days = 60
        cls.other_salesman = cls._new_staff_user(
            "other_salesman",
            "sales_team.group_sale_salesman,sales_team.group_sale_salesman_all_leads",
            "Olga Other",
        )
        cls.manager = cls._new_staff_user("sales_manager", "sales_team.group_sale_manager", "Mara Manager")
        cls.renewal_type = cls.env.ref("contract_expiry.mail_activity_type_renewal")

    @classmethod
    def _running(cls, **vals):
        values = {
            "title": "Yearly assistance",
            "partner_id": cls.portal_user_a.partner_id.id,
            "user_id": cls.salesman.id,
            "state": "signed",
            "start_date": cls.today - relativedelta(years=1),
            "expiry_date": cls.today + relativedelta(days=30),
            "line_ids": [
                Command.create({"product_id": cls.service.id, "quantity": 2, "price_unit": 80.0}),
                Command.create({"product_id": cls.other_service.id, "quantity": 1, "price_unit": 33.33}),
            ],
        }
        values.update(vals)
        return cls.env["customer.contract"].create(values)

    def _notices(self, contract):
        return contract.message_ids.filtered(
            lambda m: m.subtype_id == self.env.ref("mail.mt_comment") and "expires on" in (m.subject or "")
        )

    def _renew_with_wizard(self, contract, user, percentage=None):
        action = contract.with_user(user).action_renew()
        wizard_form = Form(self.env[action["res_model"]].with_user(user).with_context(**action["context"]))
        if percentage is not None:
            wizard_form.price_mode = "revise"
            wizard_form.percentage = percentage
        result = wizard_form.save().action_confirm()
        return self.env["customer.contract"].browse(result["res_id"])

    # ------------------------------------------------------------
    # Renewal notice
    # ------------------------------------------------------------

    def test_notice_sent_once_with_an_activity_for_the_responsible(self):
        contract = self._running()
        later = self._running(expiry_date=self.today + relativedelta(days=90))
        self.assertEqual(contract.renewal_notice_date, contract.expiry_date - relativedelta(days=60))
        Contract = self.env["customer.contract"]
        Contract._cron_expiry_alerts()
        Contract._cron_expiry_alerts()
        self.assertTrue(contract.renewal_notice_sent)
        notices = self._notices(contract)
        self.assertEqual(len(notices), 1, "a second run sends nothing")
        self.assertIn(contract.partner_id, notices.partner_ids, "sent to the customer's contact")
        self.assertIn(contract.get_portal_url(), notices.body, "the contact has contracts access")
        activity = contract.activity_ids.filtered(lambda a: a.activity_type_id == self.renewal_type)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesman)
        self.assertFalse(later.renewal_notice_sent, "90 days away, 60 days offset: not yet")
        self.assertFalse(self._notices(later))

    def test_notice_offset_per_contract_and_no_portal_link_without_access(self):
        contract = self._running(partner_id=self.portal_user_a2.partner_id.id, renewal_notice_days=10)
        self.env["customer.contract"]._cron_expiry_alerts()
        self.assertFalse(contract.renewal_notice_sent, "the contract's own offset of 10 days applies")
        contract.renewal_notice_days = 45
        self.env["customer.contract"]._cron_expiry_alerts()
        self.assertTrue(contract.renewal_notice_sent)
        notice = self._notices(contract)
        self.assertEqual(len(notice), 1)
        self.assertNotIn("/my/contracts/", notice.body, "no reserved area: no portal link")

    def test_let_expire_stops_notice_and_tacit_renewal(self):
        contract = self._running(tacit_renewal=True, notice_period_days=20)
        contract.with_user(self.salesman).action_let_expire()
        self.assertEqual(contract.renewal_decision, "let_expire")
        self.assertIn("let the contract expire", contract.message_ids[0].body)
        self.env["customer.contract"]._cron_expiry_alerts()
        self.assertFalse(contract.renewal_notice_sent)
        self.assertFalse(self._notices(contract))
        with self.assertRaises(UserError):
            contract.action_let_expire()
        expired = self._running(
            tacit_renewal=True,
            start_date=self.today - relativedelta(years=1),
            expiry_date=self.today - relativedelta(days=1),
        )
        expired.action_let_expire()
        self.env["customer.contract"]._cron_expiry_alerts()
        self.assertEqual(expired.state, "expired")
        self.assertFalse(expired.renewed_contract_id, "let expire: no tacit renewal")

    # ------------------------------------------------------------
    # One-click renewal
    # ------------------------------------------------------------

    def test_renew_with_price_revision(self):
        contract = self._running(
            start_date=self.today.replace(month=1, day=1),
            expiry_date=self.today.replace(month=12, day=31),
            billing_period="monthly",
            next_billing_date=self.today.replace(month=12, day=1),
        )
        renewal = self._renew_with_wizard(contract, self.salesman, percentage=5)
        year = self.today.year + 1
        self.assertEqual(renewal.start_date.isoformat(), f"{year}-01-01")
        self.assertEqual(renewal.expiry_date.isoformat(), f"{year}-12-31")
        self.assertEqual(renewal.line_ids.mapped("price_unit"), [84.0, 35.0])
        self.assertEqual(renewal.line_ids.mapped("quantity"), [2.0, 1.0])
        self.assertEqual(renewal.line_ids.product_id, self.service | self.other_service)
        self.assertEqual(contract.line_ids.mapped("price_unit"), [80.0, 33.33], "the old prices stay")
        self.assertEqual(renewal.state, "draft", "a new document: signed again")
        self.assertFalse(renewal.is_signed)
        self.assertEqual(renewal.next_billing_date.isoformat(), f"{year}-01-01")
        self.assertEqual(renewal.previous_contract_id, contract)
        self.assertEqual(contract.renewed_contract_id, renewal)
        self.assertEqual(contract.renewal_decision, "renewed")
        self.assertEqual(contract.state, "signed", "runs until its expiry")
        self.assertIn(renewal.name, contract.message_ids[0].body)
        self.assertEqual(contract.action_view_renewed_contract()["res_id"], renewal.id)
        self.assertEqual(renewal.action_view_previous_contract()["res_id"], contract.id)
        # The same prices by default.
        kept = self._renew_with_wizard(self._running(), self.salesman)
        self.assertEqual(kept.line_ids.mapped("price_unit"), [80.0, 33.33])

    def test_renew_refused(self):
        cancelled = self._running(state="cancelled")
        draft = self._running(state="draft")
        for contract in cancelled | draft:
            with self.assertRaises(UserError):
                contract.action_renew()
            with self.assertRaises(UserError):
                contract._renew()
        contract = self._running()
        with self.assertRaises(ValidationError):
            contract._renew(percentage=-100)
        with self.assertRaises(ValidationError):
            self.env["customer.contract.renewal"].create(
                {"contract_id": contract.id, "price_mode": "revise", "percentage": -120}
            )
        self.assertFalse(contract.renewed_contract_id, "nothing half-saved")
        self._renew_with_wizard(contract, self.salesman)
        with self.assertRaisesRegex(UserError, "already renewed"):
            contract.action_renew()
        with self.assertRaisesRegex(UserError, "already renewed"):
            contract._renew()
        self.assertEqual(
            self.env["customer.contract"].search_count([("previous_contract_id", "=", contract.id)]), 1
        )

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_salesman_who_is_not_responsible_may_not_renew(self):
        contract = self._running()
        as_other = contract.with_user(self.other_salesman)
        with self.assertRaises(AccessError):
            as_other.action_renew()
        with self.assertRaises(AccessError):
            as_other.action_let_expire()
        wizard = (
            self.env["customer.contract.renewal"]
            .with_user(self.other_salesman)
            .create({"contract_id": contract.id})
        )
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        # Workflow fields are not written directly, not even by the responsible.
        other = self._running()
        for vals in (
            {"renewal_decision": "let_expire"},
            {"renewed_contract_id": other.id},
            {"previous_contract_id": other.id},
            {"renewal_notice_sent": True},
            {"tacitly_renewed": True},
        ):
            with self.assertRaises(AccessError):
                contract.with_user(self.salesman).write(vals)
        self.assertFalse(contract.renewed_contract_id)
        # A sales manager renews any contract.
        renewal = self._renew_with_wizard(contract, self.manager)
        self.assertEqual(contract.renewed_contract_id, renewal)

    # ------------------------------------------------------------
    # Tacit renewal
    # ------------------------------------------------------------

    def _tacit_expired(self):
        return self._running(
            tacit_renewal=True,
            notice_period_days=30,
            start_date=self.today - relativedelta(years=1),
            expiry_date=self.today - relativedelta(days=1),
            billing_period="monthly",
            next_billing_date=self.today,
        )

    def _assert_renewed_tacitly_and_billed_once(self, contract):
        renewal = contract.renewed_contract_id
        self.assertTrue(renewal)
        self.assertEqual(contract.state, "expired")
        self.assertEqual(renewal.state, "signed", "the customer agreed tacitly: it runs")
        self.assertTrue(renewal.tacitly_renewed)
        self.assertFalse(renewal.signature_missing)
        self.assertEqual(renewal.start_date, self.today)
        self.assertEqual(renewal.line_ids.mapped("price_unit"), [80.0, 33.33], "same prices")
        self.assertIn("Renewed tacitly", contract.message_ids[0].body)
        self.assertFalse(contract.invoice_ids, "the old contract does not bill the new period")
        self.assertEqual(len(renewal.invoice_ids), 1)
        self.assertEqual(renewal.invoice_ids.customer_contract_period_date, self.today)
        self.assertEqual(renewal.next_billing_date, self.today + relativedelta(months=1))
        return renewal

    def test_tacit_renewal_at_expiry_then_billing(self):
        contract = self._tacit_expired()
        Contract = self.env["customer.contract"]
        Contract._cron_expiry_alerts()
        Contract._cron_expiry_alerts()
        Contract._cron_bill_contracts()
        Contract._cron_bill_contracts()
        self._assert_renewed_tacitly_and_billed_once(contract)
        self.assertEqual(Contract.search_count([("previous_contract_id", "=", contract.id)]), 1)

    def test_tacit_renewal_when_billing_runs_first(self):
        contract = self._tacit_expired()
        Contract = self.env["customer.contract"]
        Contract._cron_bill_contracts()
        Contract._cron_expiry_alerts()
        Contract._cron_bill_contracts()
        self._assert_renewed_tacitly_and_billed_once(contract)
        self.assertEqual(Contract.search_count([("previous_contract_id", "=", contract.id)]), 1)

    def test_contract_without_tacit_renewal_is_not_renewed(self):
        contract = self._running(
            start_date=self.today - relativedelta(years=1), expiry_date=self.today - relativedelta(days=1)
        )
        self.env["customer.contract"]._cron_expiry_alerts()
        self.assertEqual(contract.state, "expired")
        self.assertFalse(contract.renewed_contract_id)

    def test_notice_period_validation(self):
        with self.assertRaisesRegex(ValidationError, "longer than the contract's term"):
            self._running(tacit_renewal=True, notice_period_days=400)
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self._running(tacit_renewal=True, notice_period_days=-1)
        contract = self._running(tacit_renewal=True, notice_period_days=90)
        self.assertEqual(
            contract.renewal_notice_date,
            contract.expiry_date - relativedelta(days=90),
            "the notice reaches the customer before the last day to give notice",
        )
        with self.assertRaises(ValidationError):
            contract.expiry_date = contract.start_date + relativedelta(days=30)
