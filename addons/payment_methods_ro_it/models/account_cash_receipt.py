from odoo import api, fields, models
from odoo.exceptions import UserError

from ..tools.ro_amount_words import ron_amount_words

# An issued receipt is a numbered fiscal document: only its chatter changes, and its state only through
# its payment (see _cancel_with_payment).
CHATTER_FIELDS_PREFIX = "message_"
CANCEL_FIELDS = {"state", "cancel_reason"}


class AccountCashReceipt(models.Model):
    """Cash receipt (chitanță) of a Romanian company: numbered without gaps in its cash journal's series,
    kept when cancelled.

    Issued (numbered) at creation from its posted cash payment and never edited afterwards: it is cancelled,
    with the reason, when its payment is reset to draft or cancelled, and a new one is numbered if the
    payment is posted again.
    """

    _name = "account.cash.receipt"
    _description = "Cash receipt"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Receipt", compute="_compute_name", store=True)
    series = fields.Char(readonly=True)
    number = fields.Char(readonly=True, copy=False)
    date = fields.Date(required=True, default=fields.Date.context_today, readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, readonly=True
    )
    payment_id = fields.Many2one("account.payment", readonly=True, ondelete="restrict", check_company=True)
    journal_id = fields.Many2one(
        "account.journal",
        string="Cash journal",
        required=True,
        readonly=True,
        ondelete="restrict",
        check_company=True,
        help="The cash desk whose series numbers the receipt.",
    )
    partner_id = fields.Many2one("res.partner", string="Payer", required=True, readonly=True)
    amount = fields.Monetary(required=True, readonly=True)
    currency_id = fields.Many2one(
        "res.currency", required=True, readonly=True, default=lambda self: self.env.company.currency_id
    )
    cashier_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    invoice_ref = fields.Char(string="Invoice reference", compute="_compute_invoice_ref")
    state = fields.Selection(
        [("valid", "Valid"), ("cancel", "Cancelled")],
        default="valid",
        required=True,
        readonly=True,
        tracking=True,
    )
    cancel_reason = fields.Char(string="Cancellation reason", readonly=True, copy=False)

    _number_unique = models.UniqueIndex(
        "(company_id, series, number)", "A cash receipt number is used only once in its series."
    )

    @api.depends("series", "number")
    def _compute_name(self):
        for receipt in self:
            receipt.name = " ".join(filter(None, (receipt.series, receipt.number)))

    @api.depends("payment_id.reconciled_invoice_ids", "payment_id.invoice_ids", "payment_id.memo")
    def _compute_invoice_ref(self):
        for receipt in self:
            payment = receipt.payment_id
            invoices = payment.reconciled_invoice_ids | payment.invoice_ids
            receipt.invoice_ref = ", ".join(invoices.mapped("name")) or payment.memo or ""

    @api.model_create_multi
    def create(self, vals_list):
        self.check_access("create")
        for vals in vals_list:
            if not vals.get("journal_id") and vals.get("payment_id"):
                vals["journal_id"] = self.env["account.payment"].browse(vals["payment_id"]).journal_id.id
            journal = self.env["account.journal"].browse(vals.get("journal_id"))
            if journal.type != "cash":
                raise UserError(self.env._("A cash receipt is numbered in a cash journal."))
            vals["company_id"] = journal.company_id.id
            vals["series"], vals["number"] = self._next_number(journal)
        return super().create(vals_list)

    def write(self, vals):
        if {"number", "series", "company_id", "journal_id"} & vals.keys():
            raise UserError(self.env._("The number of a cash receipt cannot be changed."))
        locked = {name for name in vals if not name.startswith(CHATTER_FIELDS_PREFIX)}
        # Only the cancellation of _cancel_with_payment (server code, as superuser, with its reason) changes
        # a receipt.
        cancelling = (
            self.env.su
            and locked == CANCEL_FIELDS
            and vals["state"] == "cancel"
            and vals["cancel_reason"]
            and all(receipt.state == "valid" for receipt in self)
        )
        if locked and self and not cancelling:
            raise UserError(
                self.env._(
                    "An issued cash receipt cannot be changed: reset its payment to draft to cancel it "
                    "(its number is kept) and post the payment again for a new receipt."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._("Cash receipts are never deleted: cancel the payment to cancel its receipt.")
        )

    def _cancel_with_payment(self, reason):
        """Cancel the valid receipts among these because their payment was reset or cancelled.

        Called by the payment's own actions, which check the user's rights on the payment; the receipt
        itself is written as superuser since nobody may write it directly.
        """
        self.filtered(lambda r: r.state == "valid").sudo().write({"state": "cancel", "cancel_reason": reason})

    def _amount_in_words(self, lang):
        self.ensure_one()
        return amount_in_words(self.currency_id, self.amount, lang)

    @api.model
    def _next_number(self, journal):
        """(series, number) of the next receipt of this cash journal, from its gapless sequence."""
        sequence = journal._l10n_ro_cash_receipt_sequence()
        # Wait for the cash registration in progress instead of failing at once on the NOWAIT lock
        # of ir.sequence; if it commits first, ours ends in a serialization failure and Odoo
        # replays the request, so a number is neither skipped nor given twice.
        self.env.cr.execute("SELECT id FROM ir_sequence WHERE id = %s FOR UPDATE", [sequence.id])
        full = sequence.next_by_id()
        prefix, suffix = sequence._get_prefix_suffix()
        number = full[len(prefix) : len(full) - len(suffix)]
        series = prefix.strip()
        if self.sudo().search_count(
            [("company_id", "=", journal.company_id.id), ("series", "=", series), ("number", "=", number)],
            limit=1,
        ):
            raise UserError(
                self.env._(
                    "The cash receipt %(series)s %(number)s already exists: give the journal %(journal)s "
                    "a series of its own.",
                    series=series,
                    number=number,
                    journal=journal.name,
                )
            )
        return series, number


def amount_in_words(currency, amount, lang):
    """The amount in words in `lang`: Romanian words of our own for RON, Odoo's (num2words) otherwise."""
    if currency.name == "RON" and (lang or "").startswith("ro"):
        return ron_amount_words(amount)
    return currency.with_context(lang=lang).amount_to_text(amount)
