from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import CollectionCommon


@tagged("post_install", "-at_install")
class TestStatistics(CollectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.today()
        partner = cls.env["res.partner"]
        cls.debtor, cls.payer, cls.not_yet_due = partner.create(
            [
                {"name": "Debtor SRL", "is_company": True},
                {"name": "Payer SpA", "is_company": True},
                {"name": "Later"},
            ]
        )

    def _make_data(self, count=1):
        """count overdue invoices of 100 for the debtor, paid ones of 200 for the payer, one not yet due."""
        for _i in range(count):
            self._invoice(self.debtor, 100.0, invoice_date=self.today - timedelta(days=90))
            paid = self._invoice(self.payer, 200.0, invoice_date=self.today - timedelta(days=60))
            self._register(paid, self.method_bank, bank_order_ref="OP")
        self._invoice(self.not_yet_due, 50.0, invoice_date=self.today)

    def test_figures_against_hand_made_data(self):
        self._make_data()
        figures = self.env["account.payment.statistics.dashboard"]._get_figures(self.company)
        self.assertEqual(
            figures,
            {
                "customer_count": 3,
                "debtor_count": 1,
                "paying_count": 2,
                "amount_total": 350.0,
                "amount_paid": 200.0,
                "amount_due": 150.0,
                "amount_overdue": 100.0,
            },
        )
        dashboard = self.env["account.payment.statistics.dashboard"].create({})
        self.assertEqual((dashboard.debtor_count, dashboard.amount_overdue), (1, 100.0))
        report = self.env["account.payment.statistics.report"]
        by_method = dict(
            report._read_group(
                [("company_id", "=", self.company.id)], ["collection_method_id"], ["amount_paid:sum"]
            )
        )
        self.assertEqual(by_method[self.method_bank], 200.0)
        by_customer = {
            partner: (paid, due)
            for partner, paid, due in report._read_group(
                [("company_id", "=", self.company.id)], ["partner_id"], ["amount_paid:sum", "amount_due:sum"]
            )
        }
        self.assertEqual(by_customer[self.debtor], (0.0, 100.0))
        self.assertEqual(by_customer[self.payer], (200.0, 0.0))
        debtors = report.search(dashboard.action_open_debtors()["domain"])
        self.assertEqual(debtors.partner_id, self.debtor)

    def test_query_count_does_not_grow_with_invoices(self):
        dashboard = self.env["account.payment.statistics.dashboard"]
        self._make_data(1)
        dashboard._get_figures(self.company)  # warm the caches
        self.env.invalidate_all()
        with self.assertQueryCount(2):
            dashboard._get_figures(self.company)
        self._make_data(5)
        self.env.invalidate_all()
        with self.assertQueryCount(2):
            figures = dashboard._get_figures(self.company)
        self.assertEqual(figures["amount_overdue"], 600.0)
