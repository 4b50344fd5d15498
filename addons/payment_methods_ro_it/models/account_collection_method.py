from odoo import api, fields, models
from odoo.exceptions import ValidationError

KINDS = [
    ("bank_order", "Bank/treasury order"),
    ("cash", "Cash"),
    ("card", "Card (online)"),
    ("pos", "POS terminal"),
]


class AccountCollectionMethod(models.Model):
    """How a customer pays us: the four ways of cash-in, each configurable by name and journal."""

    _name = "account.collection.method"
    _description = "Collection method"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(KINDS, required=True, default="bank_order")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", help="Leave empty to share the method between companies.")
    journal_id = fields.Many2one(
        "account.journal",
        string="Default journal",
        domain="[('type', 'in', ('bank', 'cash', 'credit'))]",
        check_company=True,
        help="Journal proposed when a payment is registered with this method.",
    )
    payment_method_line_id = fields.Many2one(
        "account.payment.method.line",
        string="Payment method in the journal",
        domain="[('journal_id', '=', journal_id), ('payment_type', '=', 'inbound')]",
        check_company=True,
        help="Odoo's payment method of the default journal: an invoice of a customer who pays this way "
        "proposes it as its preferred payment method, and the payment registered with it uses it.",
    )

    @api.onchange("journal_id")
    def _onchange_journal_id(self):
        if self.payment_method_line_id.journal_id != self.journal_id:
            self.payment_method_line_id = False

    @api.constrains("journal_id", "payment_method_line_id")
    def _check_payment_method_line(self):
        for method in self.filtered("payment_method_line_id"):
            if method.payment_method_line_id.journal_id != method.journal_id:
                raise ValidationError(
                    self.env._(
                        "The payment method %(line)s belongs to the journal %(journal)s, not to the "
                        "method's default journal.",
                        line=method.payment_method_line_id.name,
                        journal=method.payment_method_line_id.journal_id.name,
                    )
                )

    @api.model
    def _get_for_kind(self, kind, company):
        return self.search(
            [("kind", "=", kind), ("company_id", "in", (False, company.id))],
            order="company_id, sequence, id",
            limit=1,
        )
