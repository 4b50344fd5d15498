from odoo import fields, models, tools
from odoo.tools import SQL

from .account_payment_statistics_report import MOVES_QUERY

# One row per customer and company. The status reads the customer's invoices only (credit notes apart):
# debtor if something is overdue, due if something is still to pay but nothing overdue, else paid up.
QUERY = f"""
    WITH moves AS ({MOVES_QUERY}),
    customers AS (
        SELECT partner_id, company_id,
               COUNT(*) FILTER (WHERE move_type = 'out_invoice') AS invoice_count,
               SUM(amount_total) FILTER (WHERE move_type = 'out_invoice') AS amount_total,
               SUM(amount_paid) FILTER (WHERE move_type = 'out_invoice') AS amount_paid,
               SUM(amount_paid_on_time) FILTER (WHERE move_type = 'out_invoice') AS amount_paid_on_time,
               SUM(amount_not_due) FILTER (WHERE move_type = 'out_invoice') AS amount_not_due,
               SUM(amount_overdue) FILTER (WHERE move_type = 'out_invoice') AS amount_overdue
          FROM moves
         GROUP BY partner_id, company_id
    )
    SELECT ROW_NUMBER() OVER (ORDER BY company_id, partner_id) AS id,
           partner_id, company_id, invoice_count,
           COALESCE(amount_total, 0) AS amount_total,
           COALESCE(amount_paid, 0) AS amount_paid,
           COALESCE(amount_paid, 0) - COALESCE(amount_paid_on_time, 0) AS amount_paid_late,
           COALESCE(amount_not_due, 0) + COALESCE(amount_overdue, 0) AS amount_due,
           COALESCE(amount_overdue, 0) AS amount_overdue,
           CASE WHEN amount_overdue > 0 THEN 'debtor'
                WHEN amount_not_due > 0 THEN 'due'
                ELSE 'paid_up' END AS status,
           COALESCE(amount_paid, 0) > 0 AS is_paying
      FROM customers
"""


class AccountPaymentCustomerReport(models.Model):
    """Customers by payment status: debtors, due, paid up; and who paid something."""

    _name = "account.payment.customer.report"
    _description = "Customers by payment status"
    _auto = False
    _order = "status, partner_id"
    _rec_name = "partner_id"
    _depends = {
        "account.move": [
            "move_type",
            "state",
            "invoice_date_due",
            "commercial_partner_id",
            "company_id",
            "amount_total_signed",
            "amount_residual_signed",
        ],
        "account.partial.reconcile": ["debit_move_id", "credit_move_id", "amount", "max_date"],
    }

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    invoice_count = fields.Integer(string="Invoices", readonly=True)
    amount_total = fields.Monetary(string="Invoiced", readonly=True)
    amount_paid = fields.Monetary(string="Paid", readonly=True)
    amount_paid_late = fields.Monetary(string="Paid late", readonly=True)
    amount_due = fields.Monetary(string="Still due", readonly=True)
    amount_overdue = fields.Monetary(string="Overdue", readonly=True)
    status = fields.Selection(
        [("debtor", "Debtor"), ("due", "Due"), ("paid_up", "Paid up")],
        string="Payment status",
        readonly=True,
        help="Debtor: something overdue. Due: still owes, nothing overdue. Paid up: owes nothing. "
        "Credit notes are not counted.",
    )
    is_paying = fields.Boolean(string="Paying", readonly=True, help="Paid something on an invoice.")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), SQL(QUERY)))
