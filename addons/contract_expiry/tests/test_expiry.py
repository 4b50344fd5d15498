from dateutil.relativedelta import relativedelta

from odoo import api
from odoo.tests import tagged

from .common import ContractCase


@tagged("post_install", "-at_install")
class TestExpiryAlerts(ContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.write({"email": "office@company.test", "contract_alert_email": False})
        # The tests count the alerts of their own contracts: those already due (demo data) count as sent.
        Contract = cls.env["customer.contract"]
        Contract.search(Contract._get_expiry_alert_domain()).write({"alert_sent": True})
        # Alerts queued before the test (e.g. by the demo data) are not the test's.
        cls.mails_before = cls.env["mail.mail"].sudo().search([])

    @classmethod
    def _running(cls, count=1, **vals):
        values = {
            "title": "Yearly assistance",
            "partner_id": cls.customer_a.id,
            "user_id": cls.salesman.id,
            "state": "signed",
            "start_date": cls.today - relativedelta(years=1),
        }
        values.update(vals)
        return cls.env["customer.contract"].create([dict(values) for _i in range(count)])

    def _run_cron(self):
        with self.enter_registry_test_mode(), self.registry.cursor() as cr:
            env = api.Environment(cr, self.env.uid, {})
            env["customer.contract"]._cron_expiry_alerts(batch_size=2)
        self.env.invalidate_all()

    def _alert_mails(self):
        return (
            self.env["mail.mail"]
            .sudo()
            .search([("subject", "ilike", "expiring soon"), ("id", "not in", self.mails_before.ids)])
        )

    def test_alert_sent_once_to_the_company_with_an_activity(self):
        soon = self._running(3, expiry_date=self.today + relativedelta(days=20))
        later = self._running(expiry_date=self.today + relativedelta(months=2))
        self._run_cron()
        self.assertTrue(all(soon.mapped("alert_sent")))
        self.assertFalse(later.alert_sent)
        mails = self._alert_mails()
        self.assertEqual(len(mails), 2, "batches of 2: one mail per batch and company")
        self.assertEqual(set(mails.mapped("email_to")), {"office@company.test"}, "falls back to the company")
        for contract in soon:
            self.assertEqual(contract.activity_ids.user_id, self.salesman)
        self._run_cron()
        self.assertEqual(len(self._alert_mails()), 2, "a second run sends nothing")
        # The renewal notice (sent by the same cron) has an activity of its own type.
        alert_activity = soon[0].activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
        )
        self.assertEqual(len(alert_activity), 1)
        # The date in the summary is in the reader's format, not ISO.
        self.assertNotIn(str(soon[0].expiry_date), alert_activity.summary)
        self.env["res.lang"]._activate_lang("it_IT")
        values = (
            soon[0]
            .with_context(lang="it_IT")
            ._prepare_expiry_activity_values(alert_activity.activity_type_id, alert_activity.res_model_id.id)
        )
        self.assertIn(soon[0].expiry_date.strftime("%d/%m/%Y"), values["summary"])

    def test_notification_address_setting(self):
        self.env.company.contract_alert_email = "contracts@company.test"
        self._running(expiry_date=self.today + relativedelta(days=5))
        self._run_cron()
        self.assertEqual(self._alert_mails().email_to, "contracts@company.test")

    def test_offset_per_company_and_per_contract(self):
        expiry = self.today + relativedelta(days=45)
        company_default = self._running(expiry_date=expiry)
        own_offset = self._running(expiry_date=expiry, alert_months=2)
        self.assertEqual(company_default.alert_date, expiry - relativedelta(months=1))
        self._run_cron()
        self.assertFalse(company_default.alert_sent, "45 days away, one month offset: not yet")
        self.assertTrue(own_offset.alert_sent, "the contract's own offset of two months applies")
        self.env.company.contract_alert_months = 2
        self.assertEqual(company_default.alert_date, expiry - relativedelta(months=2))
        self._run_cron()
        self.assertTrue(company_default.alert_sent)

    def test_changing_the_expiry_date_rearms_the_alert(self):
        contract = self._running(expiry_date=self.today + relativedelta(days=10))
        self._run_cron()
        self.assertTrue(contract.alert_sent)
        contract.expiry_date = self.today + relativedelta(days=20)
        self.assertFalse(contract.alert_sent)
        self._run_cron()
        self.assertTrue(contract.alert_sent)
        self.assertEqual(len(self._alert_mails()), 2)

    def test_expired_contracts_change_state(self):
        contract = self._running(expiry_date=self.today - relativedelta(days=1))
        self._run_cron()
        self.assertEqual(contract.state, "expired")

    def test_batch_queries_stay_flat_as_contracts_grow(self):
        expiry = self.today + relativedelta(days=10)
        self._running(5, expiry_date=expiry)._send_expiry_alerts()  # warm the caches
        Contract = self.env["customer.contract"]
        # The cron hands each batch over as a fresh search result: browse the same way.
        small = Contract.browse(self._running(5, expiry_date=expiry).ids)
        self.env.invalidate_all()
        queries_small = self._count_queries(small._send_expiry_alerts)
        large = Contract.browse(self._running(50, expiry_date=expiry).ids)
        self.env.invalidate_all()
        queries_large = self._count_queries(large._send_expiry_alerts)
        # Ten times the contracts in one batch: per-contract work would add dozens of queries; what
        # happens once per transaction (bus notifications, cached defaults) may vary by one or two.
        self.assertLessEqual(queries_large, queries_small + 2, (queries_small, queries_large))
        self.assertTrue(all(large.mapped("alert_sent")))
