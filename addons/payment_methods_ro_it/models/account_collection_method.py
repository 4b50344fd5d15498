from odoo import api, fields, models

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

    @api.model
    def _get_for_kind(self, kind, company):
        return self.search(
            [("kind", "=", kind), ("company_id", "in", (False, company.id))],
            order="company_id, sequence, id",
            limit=1,
        )
