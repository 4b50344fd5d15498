from odoo import api, fields, models


class AccountPaymentStatisticsDashboard(models.TransientModel):
    """Headline figures: debtors vs paying customers, paid vs still due."""

    _name = "account.payment.statistics.dashboard"
    _description = "Payment statistics dashboard"

    company_id = fields.Many2one("res.company", default=lambda self: self.env.company, required=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    customer_count = fields.Integer(string="Invoiced customers", compute="_compute_figures")
    debtor_count = fields.Integer(string="Debtors", compute="_compute_figures")
    paying_count = fields.Integer(string="Paying customers", compute="_compute_figures")
    amount_total = fields.Monetary(string="Invoiced", compute="_compute_figures")
    amount_paid = fields.Monetary(string="Paid", compute="_compute_figures")
    amount_due = fields.Monetary(string="Still due", compute="_compute_figures")
    amount_overdue = fields.Monetary(string="Overdue", compute="_compute_figures")

    @api.depends("company_id")
    def _compute_figures(self):
        for dashboard in self:
            dashboard.update(self._get_figures(dashboard.company_id))

    @api.model
    def _get_figures(self, company):
        """Two grouped queries whatever the number of invoices."""
        moves = self.env["account.move"]
        domain = [
            ("company_id", "=", company.id),
            ("move_type", "in", ("out_invoice", "out_refund")),
            ("state", "=", "posted"),
        ]
        [(customers, total, due)] = moves._read_group(
            domain,
            aggregates=[
                "commercial_partner_id:count_distinct",
                "amount_total_signed:sum",
                "amount_residual_signed:sum",
            ],
        )
        overdue_domain = domain + [
            ("invoice_date_due", "<", fields.Date.context_today(self)),
            ("amount_residual_signed", ">", 0),
        ]
        [(debtors, overdue)] = moves._read_group(
            overdue_domain, aggregates=["commercial_partner_id:count_distinct", "amount_residual_signed:sum"]
        )
        return {
            "customer_count": customers,
            "debtor_count": debtors,
            "paying_count": customers - debtors,
            "amount_total": total,
            "amount_paid": total - due,
            "amount_due": due,
            "amount_overdue": overdue,
        }

    def action_open_debtors(self):
        return self._open_report([("amount_overdue", ">", 0)])

    def action_open_report(self):
        return self._open_report([])

    def _open_report(self, domain):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "payment_methods_ro_it.action_account_payment_statistics_report"
        )
        action["domain"] = domain + [("company_id", "=", self.company_id.id)]
        return action
