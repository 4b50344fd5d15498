from odoo import fields, models, tools
from odoo.tools import SQL

# One row per posted customer invoice or credit note, amounts in company currency.
QUERY = """
    SELECT move.id AS id,
           move.id AS move_id,
           move.invoice_date AS date,
           move.invoice_date_due AS date_due,
           move.commercial_partner_id AS partner_id,
           move.company_id AS company_id,
           move.collection_method_id AS collection_method_id,
           move.move_type AS move_type,
           move.amount_total_signed AS amount_total,
           move.amount_total_signed - move.amount_residual_signed AS amount_paid,
           move.amount_residual_signed AS amount_due,
           CASE WHEN move.invoice_date_due < CURRENT_DATE THEN move.amount_residual_signed ELSE 0 END
               AS amount_overdue
      FROM account_move move
     WHERE move.move_type IN ('out_invoice', 'out_refund')
       AND move.state = 'posted'
"""


class AccountPaymentStatisticsReport(models.Model):
    """Paid vs still due per customer, method and date, for the graph and pivot views."""

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
    amount_total = fields.Monetary(string="Invoiced", readonly=True)
    amount_paid = fields.Monetary(string="Paid", readonly=True)
    amount_due = fields.Monetary(string="Still due", readonly=True)
    amount_overdue = fields.Monetary(string="Overdue", readonly=True)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), SQL(QUERY)))
