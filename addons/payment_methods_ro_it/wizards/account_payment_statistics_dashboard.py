from odoo import api, fields, models


class AccountPaymentStatisticsDashboard(models.TransientModel):
    """Headline figures: debtors, customers with something due, paying customers; paid within terms,
    paid late, due and overdue amounts. Read from the two statistics views, two grouped queries."""

    _name = "account.payment.statistics.dashboard"
    _description = "Payment statistics dashboard"

    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, required=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    customer_count = fields.Integer(string="Invoiced customers", compute="_compute_figures")
    debtor_count = fields.Integer(
        string="Debtors", compute="_compute_figures", help="Customers with something overdue."
    )
    due_count = fields.Integer(
        string="Customers with something due",
        compute="_compute_figures",
        help="Customers who still owe something, nothing overdue.",
    )
    paid_up_count = fields.Integer(
        string="Paid up customers", compute="_compute_figures", help="Customers who owe nothing."
    )
    paying_count = fields.Integer(
        string="Paying customers", compute="_compute_figures", help="Customers who paid something."
    )
    amount_total = fields.Monetary(string="Invoiced", compute="_compute_figures")
    amount_paid = fields.Monetary(string="Paid", compute="_compute_figures")
    amount_paid_on_time = fields.Monetary(
        string="Paid within terms", compute="_compute_figures", help="Paid on or before the due date."
    )
    amount_paid_late = fields.Monetary(
        string="Paid late", compute="_compute_figures", help="Paid after the due date."
    )
    amount_due = fields.Monetary(string="Still due", compute="_compute_figures")
    amount_not_due = fields.Monetary(
        string="Due", compute="_compute_figures", help="Still to pay, the due date not yet passed."
    )
    amount_overdue = fields.Monetary(
        string="Overdue", compute="_compute_figures", help="Still to pay after the due date."
    )

    @api.depends("company_id")
    def _compute_display_name(self):
        for dashboard in self:
            dashboard.display_name = self.env._("Payment dashboard: %s", dashboard.company_id.name)

    @api.depends("company_id")
    def _compute_figures(self):
        for dashboard in self:
            dashboard.update(self._get_figures(dashboard.company_id))

    @api.model
    def _get_figures(self, company):
        """Two grouped queries whatever the number of invoices."""
        domain = [("company_id", "=", company.id)]
        amounts = [
            "amount_total",
            "amount_paid",
            "amount_paid_on_time",
            "amount_paid_late",
            "amount_due",
            "amount_not_due",
            "amount_overdue",
        ]
        [sums] = self.env["account.payment.statistics.report"]._read_group(
            domain, aggregates=[f"{name}:sum" for name in amounts]
        )
        figures = dict(zip(amounts, sums, strict=True))
        counts = {"debtor": 0, "due": 0, "paid_up": 0}
        paying = 0
        for status, is_paying, count in self.env["account.payment.customer.report"]._read_group(
            domain, ["status", "is_paying"], ["__count"]
        ):
            counts[status] += count
            paying += count if is_paying else 0
        figures.update(
            customer_count=sum(counts.values()),
            debtor_count=counts["debtor"],
            due_count=counts["due"],
            paid_up_count=counts["paid_up"],
            paying_count=paying,
        )
        return figures

    def action_open_debtors(self):
        return self._open_report([("amount_overdue", ">", 0)])

    def action_open_report(self):
        return self._open_report([])

    def action_open_customers(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "payment_methods_ro_it.action_account_payment_customer_report"
        )
        action["domain"] = [("company_id", "=", self.company_id.id)]
        return action

    def _open_report(self, domain):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "payment_methods_ro_it.action_account_payment_statistics_report"
        )
        action["domain"] = domain + [("company_id", "=", self.company_id.id)]
        return action
