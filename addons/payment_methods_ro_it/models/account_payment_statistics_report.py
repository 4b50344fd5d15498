from odoo import fields, models, tools
from odoo.tools import SQL

# One row per posted customer invoice or credit note, amounts in company currency and signed (credit notes
# negative). "Paid within terms" is what the reconciliations dated on or before the due date paid
# (account.partial.reconcile max_date <= invoice_date_due), capped at the amount paid; the rest of the
# paid amount was paid late. What is still to pay is due until the due date, overdue after it.
MOVES_QUERY = """
    SELECT move.id AS move_id,
           move.invoice_date AS date,
           move.invoice_date_due AS date_due,
           move.commercial_partner_id AS partner_id,
           move.company_id AS company_id,
           move.collection_method_id AS collection_method_id,
           move.move_type AS move_type,
           move.amount_total_signed AS amount_total,
           move.amount_total_signed - move.amount_residual_signed AS amount_paid,
           (CASE WHEN move.move_type = 'out_refund' THEN -1 ELSE 1 END) * LEAST(
               COALESCE(on_time.amount, 0),
               ABS(move.amount_total_signed - move.amount_residual_signed)
           ) AS amount_paid_on_time,
           CASE WHEN move.invoice_date_due < CURRENT_DATE THEN 0 ELSE move.amount_residual_signed END
               AS amount_not_due,
           CASE WHEN move.invoice_date_due < CURRENT_DATE THEN move.amount_residual_signed ELSE 0 END
               AS amount_overdue
      FROM account_move move
      LEFT JOIN (
            SELECT line.move_id, SUM(partial.amount) AS amount
              FROM account_move_line line
              JOIN account_move inv ON inv.id = line.move_id
              JOIN account_partial_reconcile partial ON partial.debit_move_id = line.id
             WHERE inv.move_type = 'out_invoice'
               AND line.display_type = 'payment_term'
               AND partial.max_date <= inv.invoice_date_due
             GROUP BY line.move_id
         UNION ALL
            SELECT line.move_id, SUM(partial.amount) AS amount
              FROM account_move_line line
              JOIN account_move inv ON inv.id = line.move_id
              JOIN account_partial_reconcile partial ON partial.credit_move_id = line.id
             WHERE inv.move_type = 'out_refund'
               AND line.display_type = 'payment_term'
               AND partial.max_date <= inv.invoice_date_due
             GROUP BY line.move_id
      ) on_time ON on_time.move_id = move.id
     WHERE move.move_type IN ('out_invoice', 'out_refund')
       AND move.state = 'posted'
"""

# The same invoices split in one row per invoice and payment state that has an amount (at most four),
# each row carrying its own part only: sums over rows give each invoice's figures, and the graph can
# stack the four states by month with a single measure.
QUERY = f"""
    WITH moves AS ({MOVES_QUERY})
    SELECT moves.move_id * 4 + part.idx AS id,
           moves.move_id, moves.date, moves.date_due, moves.partner_id, moves.company_id,
           moves.collection_method_id, moves.move_type,
           CASE WHEN moves.move_type = 'out_refund' THEN 'credit_note' ELSE part.state END AS payment_state,
           part.amount AS amount_total,
           CASE WHEN part.idx IN (0, 1) THEN part.amount ELSE 0 END AS amount_paid,
           CASE WHEN part.idx = 0 THEN part.amount ELSE 0 END AS amount_paid_on_time,
           CASE WHEN part.idx = 1 THEN part.amount ELSE 0 END AS amount_paid_late,
           CASE WHEN part.idx IN (2, 3) THEN part.amount ELSE 0 END AS amount_due,
           CASE WHEN part.idx = 2 THEN part.amount ELSE 0 END AS amount_not_due,
           CASE WHEN part.idx = 3 THEN part.amount ELSE 0 END AS amount_overdue
      FROM moves
     CROSS JOIN LATERAL (
            VALUES (0, 'paid_on_time', moves.amount_paid_on_time),
                   (1, 'paid_late', moves.amount_paid - moves.amount_paid_on_time),
                   (2, 'not_due', moves.amount_not_due),
                   (3, 'overdue', moves.amount_overdue)
     ) AS part (idx, state, amount)
     WHERE part.amount != 0
"""

PAYMENT_STATES = [
    ("paid_on_time", "Paid within terms"),
    ("paid_late", "Paid late"),
    ("not_due", "Due"),
    ("overdue", "Overdue"),
    ("credit_note", "Credit note"),
]


class AccountPaymentStatisticsReport(models.Model):
    """Paid within terms, paid late, due and overdue per customer, method and month (graph, pivot, list)."""

    _name = "account.payment.statistics.report"
    _description = "Payment statistics"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "move_id"
    _depends = {
        "account.move": [
            "move_type",
            "state",
            "invoice_date",
            "invoice_date_due",
            "commercial_partner_id",
            "company_id",
            "collection_method_id",
            "amount_total_signed",
            "amount_residual_signed",
        ],
        "account.move.line": ["move_id", "display_type"],
        "account.partial.reconcile": ["debit_move_id", "credit_move_id", "amount", "max_date"],
    }

    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    date = fields.Date(string="Invoice date", readonly=True)
    date_due = fields.Date(string="Due date", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    collection_method_id = fields.Many2one(
        "account.collection.method", string="Payment method", readonly=True
    )
    move_type = fields.Selection(
        [("out_invoice", "Invoice"), ("out_refund", "Credit note")], string="Type", readonly=True
    )
    payment_state = fields.Selection(PAYMENT_STATES, string="Payment status", readonly=True)
    amount_total = fields.Monetary(string="Invoiced", readonly=True)
    amount_paid = fields.Monetary(string="Paid", readonly=True)
    amount_paid_on_time = fields.Monetary(
        string="Paid within terms", readonly=True, help="Paid on or before the due date."
    )
    amount_paid_late = fields.Monetary(string="Paid late", readonly=True, help="Paid after the due date.")
    amount_due = fields.Monetary(string="Still due", readonly=True, help="Still to pay: due plus overdue.")
    amount_not_due = fields.Monetary(
        string="Due", readonly=True, help="Still to pay, the due date not yet passed."
    )
    amount_overdue = fields.Monetary(string="Overdue", readonly=True, help="Still to pay after the due date.")

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), SQL(QUERY)))
