from odoo.tests import Form, tagged

from .common import CountryFlowMixin, ItalianChart, RomanianChart


class PaymentStatisticsFlow(CountryFlowMixin):
    """The payment statistics (dashboard and report) of a company after a partial payment."""

    def _register(self, invoice, method, journal, amount):
        wizard_form = Form(
            self.env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            )
        )
        wizard_form.collection_method_id = method
        wizard_form.journal_id = journal
        wizard_form.amount = amount
        return wizard_form.save()._create_payments()

    def test_figures_after_a_partial_payment(self):
        overdue = self._overdue_invoice(self.customer, 1000.0)
        not_due = self._overdue_invoice(self.private, 100.0, days=0)
        not_due.invoice_date_due = self.today  # due today: not overdue yet
        payment = self._register(overdue, self.method_bank, self.bank_journal, 500.0)
        self.assertEqual(overdue.payment_state, "partial")
        self.assertEqual(payment.collection_method_id, self.method_bank)

        total = 1100.0 + self._tax(1000.0) + self._tax(100.0)
        figures = self.env["account.payment.statistics.dashboard"]._get_figures(self.company)
        self.assertEqual(
            figures,
            {
                "customer_count": 2,
                "debtor_count": 1,
                "due_count": 1,
                "paid_up_count": 0,
                "paying_count": 1,
                "amount_total": total,
                "amount_paid": 500.0,
                "amount_paid_on_time": 0.0,
                "amount_paid_late": 500.0,  # paid today, due 40 days ago
                "amount_due": total - 500.0,
                "amount_not_due": 100.0 + self._tax(100.0),
                "amount_overdue": 1000.0 + self._tax(1000.0) - 500.0,
            },
        )
        dashboard = self.env["account.payment.statistics.dashboard"].create({})
        self.assertEqual(dashboard.currency_id.name, self.CURRENCY)
        self.assertEqual((dashboard.debtor_count, dashboard.amount_paid), (1, 500.0))

        report = self.env["account.payment.statistics.report"]
        domain = [("company_id", "=", self.company.id)]
        by_method = dict(report._read_group(domain, ["collection_method_id"], ["amount_paid:sum"]))
        self.assertEqual(by_method[self.method_bank], 500.0)
        by_customer = {
            partner: (paid, due)
            for partner, paid, due in report._read_group(
                domain, ["partner_id"], ["amount_paid:sum", "amount_due:sum"]
            )
        }
        self.assertEqual(by_customer[self.customer], (500.0, 500.0 + self._tax(1000.0)))
        self.assertEqual(by_customer[self.private], (0.0, 100.0 + self._tax(100.0)))
        status = {
            row.partner_id: row.status for row in self.env["account.payment.customer.report"].search(domain)
        }
        self.assertEqual(status, {self.customer: "debtor", self.private: "due"})


@tagged("post_install", "-at_install")
class TestPaymentStatisticsItaly(PaymentStatisticsFlow, ItalianChart):
    pass


@tagged("post_install", "-at_install")
class TestPaymentStatisticsRomania(PaymentStatisticsFlow, RomanianChart):
    pass
