from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import CollectionCommon

MEASURES = (
    "amount_total",
    "amount_paid",
    "amount_paid_on_time",
    "amount_paid_late",
    "amount_due",
    "amount_not_due",
    "amount_overdue",
)


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
        cls.report = cls.env["account.payment.statistics.report"]
        cls.customers = cls.env["account.payment.customer.report"]
        cls.dashboard = cls.env["account.payment.statistics.dashboard"]

    def _days(self, days):
        return self.today + timedelta(days=days)

    def _invoice_due(self, partner, amount, invoice_days, due_days):
        invoice = self._invoice(partner, amount, post=False, invoice_date=self._days(invoice_days))
        invoice.invoice_date_due = self._days(due_days)
        invoice.action_post()
        self.assertEqual(invoice.invoice_date_due, self._days(due_days))
        return invoice

    def _make_data(self, count=1):
        """count overdue invoices of 100 for the debtor, paid ones of 200 for the payer (paid today, due
        60 days ago: late), one not yet due."""
        for _i in range(count):
            self._invoice(self.debtor, 100.0, invoice_date=self._days(-90))
            paid = self._invoice(self.payer, 200.0, invoice_date=self._days(-60))
            self._register(paid, self.method_bank, bank_order_ref="OP")
        self._invoice(self.not_yet_due, 50.0, invoice_date=self.today)

    def _measures(self, domain):
        [sums] = self.report._read_group(domain, aggregates=[f"{name}:sum" for name in MEASURES])
        return dict(zip(MEASURES, sums, strict=True))

    def test_figures_against_hand_made_data(self):
        self._make_data()
        figures = self.dashboard._get_figures(self.company)
        self.assertEqual(
            figures,
            {
                "customer_count": 3,
                "debtor_count": 1,
                "due_count": 1,
                "paid_up_count": 1,
                "paying_count": 1,
                "amount_total": 350.0,
                "amount_paid": 200.0,
                "amount_paid_on_time": 0.0,
                "amount_paid_late": 200.0,
                "amount_due": 150.0,
                "amount_not_due": 50.0,
                "amount_overdue": 100.0,
            },
        )
        dashboard = self.dashboard.create({})
        self.assertEqual(
            (dashboard.debtor_count, dashboard.paying_count, dashboard.amount_overdue), (1, 1, 100.0)
        )
        by_method = dict(
            self.report._read_group(
                [("company_id", "=", self.company.id)], ["collection_method_id"], ["amount_paid:sum"]
            )
        )
        self.assertEqual(by_method[self.method_bank], 200.0)
        by_customer = {
            partner: (paid, due)
            for partner, paid, due in self.report._read_group(
                [("company_id", "=", self.company.id)], ["partner_id"], ["amount_paid:sum", "amount_due:sum"]
            )
        }
        self.assertEqual(by_customer[self.debtor], (0.0, 100.0))
        self.assertEqual(by_customer[self.payer], (200.0, 0.0))
        debtors = self.report.search(dashboard.action_open_debtors()["domain"])
        self.assertEqual(debtors.partner_id, self.debtor)
        customers = self.customers.search(dashboard.action_open_customers()["domain"])
        self.assertEqual(customers.partner_id, self.debtor | self.payer | self.not_yet_due)

    def test_each_measure_per_invoice(self):
        """Paid on time, paid late (payment dated after the due date), partial, due, overdue, credit note."""
        on_time_customer, late_customer, partial_customer, due_customer = self.env["res.partner"].create(
            [{"name": name} for name in ("On time", "Late", "Partial", "Due")]
        )
        on_time = self._invoice_due(on_time_customer, 100.0, -10, 20)
        self._register(on_time, self.method_bank, bank_order_ref="OP 1", payment_date=self._days(-5))
        late = self._invoice_due(late_customer, 200.0, -60, -30)
        self._register(late, self.method_bank, bank_order_ref="OP 2", payment_date=self._days(-29))
        partial = self._invoice_due(partial_customer, 300.0, -60, -30)
        self._register(
            partial, self.method_bank, bank_order_ref="OP 3", amount=100.0, payment_date=self._days(-40)
        )
        due = self._invoice_due(due_customer, 50.0, -5, 10)
        credit_note = self.init_invoice(
            "out_refund", partner=late_customer, amounts=[40.0], taxes=[], invoice_date=self.today, post=True
        )
        self.assertEqual((on_time.payment_state, late.payment_state), ("paid", "paid"))
        self.assertEqual(partial.payment_state, "partial")

        def measures(move):
            return self._measures([("move_id", "=", move.id)])

        expected = {
            on_time: (100.0, 100.0, 100.0, 0.0, 0.0, 0.0, 0.0),
            late: (200.0, 200.0, 0.0, 200.0, 0.0, 0.0, 0.0),
            partial: (300.0, 100.0, 100.0, 0.0, 200.0, 0.0, 200.0),
            due: (50.0, 0.0, 0.0, 0.0, 50.0, 50.0, 0.0),
            credit_note: (-40.0, 0.0, 0.0, 0.0, -40.0, -40.0, 0.0),
        }
        for move, values in expected.items():
            self.assertEqual(measures(move), dict(zip(MEASURES, values, strict=True)), move.name)
        states = {
            move: set(self.report.search([("move_id", "=", move.id)]).mapped("payment_state"))
            for move in expected
        }
        self.assertEqual(states[on_time], {"paid_on_time"})
        self.assertEqual(states[late], {"paid_late"})
        self.assertEqual(states[partial], {"paid_on_time", "overdue"})
        self.assertEqual(states[due], {"not_due"})
        self.assertEqual(states[credit_note], {"credit_note"})

        # The customers: the credit note does not count for the status.
        status = {
            row.partner_id: (row.status, row.is_paying)
            for row in self.customers.search([("company_id", "=", self.company.id)])
        }
        self.assertEqual(
            status,
            {
                on_time_customer: ("paid_up", True),
                late_customer: ("paid_up", True),
                partial_customer: ("debtor", True),
                due_customer: ("due", False),
            },
        )
        figures = self.dashboard._get_figures(self.company)
        self.assertEqual(
            {key: figures[key] for key in ("customer_count", "debtor_count", "due_count", "paid_up_count")},
            {"customer_count": 4, "debtor_count": 1, "due_count": 1, "paid_up_count": 2},
        )
        self.assertEqual(figures["paying_count"], 3)
        self.assertEqual(
            {key: figures[key] for key in MEASURES},
            dict(zip(MEASURES, (610.0, 400.0, 200.0, 200.0, 210.0, 10.0, 200.0), strict=True)),
        )

    def test_window_title_is_a_name(self):
        name = f"Payment dashboard: {self.company.name}"
        self.assertEqual(self.dashboard.new({}).display_name, name)
        self.assertEqual(self.dashboard.create({}).display_name, name)
        for xmlid, title in (
            ("action_account_payment_statistics_dashboard", "Payment dashboard"),
            ("action_account_payment_statistics_report", "Payment statistics"),
            ("action_account_payment_customer_report", "Customers: debtors vs paying"),
        ):
            self.assertEqual(self.env.ref(f"payment_methods_ro_it.{xmlid}").name, title)

    def test_query_count_does_not_grow_with_invoices(self):
        self._make_data(1)
        self.dashboard._get_figures(self.company)  # warm the caches
        self.env.invalidate_all()
        with self.assertQueryCount(2):
            self.dashboard._get_figures(self.company)
        self._make_data(5)
        self.env.invalidate_all()
        with self.assertQueryCount(2):
            figures = self.dashboard._get_figures(self.company)
        self.assertEqual(figures["amount_overdue"], 600.0)

    def _read_report_list(self):
        """What the list and the graph of the report read."""
        self.report.web_search_read(
            [("company_id", "=", self.company.id)],
            {
                "move_id": {"fields": {"display_name": {}}},
                "partner_id": {"fields": {"display_name": {}}},
                "collection_method_id": {"fields": {"display_name": {}}},
                "date": {},
                "date_due": {},
                "payment_state": {},
                "amount_paid_on_time": {},
                "amount_overdue": {},
            },
        )
        self.report.formatted_read_group(
            [("company_id", "=", self.company.id)], ["date:month", "payment_state"], ["amount_total:sum"]
        )

    def test_report_read_is_flat(self):
        """The report read as the list and graph do: same queries for 5 invoices and for 50."""
        partners = self.env["res.partner"].create([{"name": f"Customer {i}"} for i in range(10)])
        for i in range(5):
            self._invoice(partners[i], 10.0, invoice_date=self._days(-i))
        self._read_report_list()
        self.env.invalidate_all()
        with self.assertQueryCount(7):
            self._read_report_list()
        for i in range(45):
            self._invoice(partners[i % 10], 10.0, invoice_date=self._days(-i))
        self.assertEqual(self.report.search_count([("company_id", "=", self.company.id)]), 50)
        self.env.invalidate_all()
        with self.assertQueryCount(7):
            self._read_report_list()
