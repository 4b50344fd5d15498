from odoo import fields, models, tools
from odoo.tools import SQL

# Ids of the view rows: even for invoices, odd for expected payments, so both fit in one list.
QUERY = """
    SELECT move.id * 2 AS id,
           'invoice' AS origin,
           move.id AS move_id,
           NULL::integer AS expected_payment_id,
           move.name AS name,
           move.commercial_partner_id AS partner_id,
           move.company_id AS company_id,
           move.currency_id AS currency_id,
           move.amount_residual AS amount_due,
           move.invoice_date_due AS date_due,
           move.collection_method_id AS collection_method_id
      FROM account_move move
     WHERE move.move_type = 'out_invoice'
       AND move.state = 'posted'
       AND move.payment_state IN ('not_paid', 'partial')
    UNION ALL
    SELECT expected.id * 2 + 1,
           'expected',
           NULL,
           expected.id,
           expected.name,
           expected.partner_id,
           expected.company_id,
           expected.currency_id,
           expected.amount,
           expected.date_due,
           NULL
      FROM account_expected_payment expected
     WHERE expected.state = 'open'
"""


class AccountPaymentDue(models.Model):
    """What is still to collect: open customer invoices and expected payments, in one list."""

    _name = "account.payment.due"
    _description = "Payment due"
    _auto = False
    _order = "date_due, id"
    _depends = {
        "account.move": [
            "name",
            "move_type",
            "state",
            "payment_state",
            "commercial_partner_id",
            "company_id",
            "currency_id",
            "amount_residual",
            "invoice_date_due",
            "collection_method_id",
        ],
        "account.expected.payment": [
            "name",
            "state",
            "partner_id",
            "company_id",
            "currency_id",
            "amount",
            "date_due",
        ],
    }

    origin = fields.Selection([("invoice", "Invoice"), ("expected", "Expected payment")], readonly=True)
    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    expected_payment_id = fields.Many2one(
        "account.expected.payment", readonly=True, string="Expected payment"
    )
    name = fields.Char(string="Reference", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    amount_due = fields.Monetary(readonly=True, string="Amount due")
    date_due = fields.Date(string="Due date", readonly=True)
    collection_method_id = fields.Many2one(
        "account.collection.method", string="Payment method", readonly=True
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), SQL(QUERY)))

    def action_schedule_reminder(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Schedule reminder"),
            "res_model": "account.payment.reminder",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_move_id": self.move_id.id,
                "default_expected_payment_id": self.expected_payment_id.id,
                "default_company_id": self.company_id.id,
            },
        }
