from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AccountExpectedPayment(models.Model):
    """A payment a customer promised outside any invoice (advance, instalment agreed by phone...)."""

    _name = "account.expected.payment"
    _description = "Expected payment"
    _inherit = ["mail.thread"]
    _order = "date_due, id"
    _check_company_auto = True

    name = fields.Char(string="Description", required=True, tracking=True)
    partner_id = fields.Many2one("res.partner", string="Customer", required=True, tracking=True)
    amount = fields.Monetary(required=True, tracking=True)
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    date_due = fields.Date(string="Due date", required=True, tracking=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    state = fields.Selection(
        [("open", "To collect"), ("done", "Collected"), ("cancel", "Cancelled")],
        default="open",
        required=True,
        tracking=True,
    )

    @api.constrains("amount")
    def _check_amount(self):
        if any(record.amount <= 0 for record in self):
            raise ValidationError(self.env._("The expected amount must be positive."))

    def action_done(self):
        self.write({"state": "done"})

    def action_cancel(self):
        self.write({"state": "cancel"})

    def action_reopen(self):
        self.write({"state": "open"})
