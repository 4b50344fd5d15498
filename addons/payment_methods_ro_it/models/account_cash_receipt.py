from odoo import api, fields, models
from odoo.exceptions import UserError

SEQUENCE_CODE = "account.cash.receipt"
# An issued receipt is a numbered fiscal document: only its chatter changes, and its state only through
# its payment (see _cancel_with_payment).
CHATTER_FIELDS_PREFIX = "message_"
CANCEL_FIELDS = {"state", "cancel_reason"}


class AccountCashReceipt(models.Model):
    """Cash receipt (chitanță): numbered without gaps per company, kept when cancelled.

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

    _number_unique = models.UniqueIndex("(company_id, number)", "A cash receipt number is used only once.")

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
        for vals in vals_list:
            company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
            vals["series"] = company.cash_receipt_series or ""
            vals["number"] = self._next_number(company)
        return super().create(vals_list)

    def write(self, vals):
        if {"number", "series", "company_id"} & vals.keys():
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
        return self.currency_id.with_context(lang=lang).amount_to_text(self.amount)

    @api.model
    def _next_number(self, company):
        sequence = self._get_sequence(company)
        # Wait for the cash registration in progress instead of failing at once on the NOWAIT lock
        # of ir.sequence; if it commits first, ours ends in a serialization failure and Odoo
        # replays the request, so a number is neither skipped nor given twice.
        self.env.cr.execute("SELECT id FROM ir_sequence WHERE id = %s FOR UPDATE", [sequence.id])
        return sequence.next_by_id()

    @api.model
    def _get_sequence(self, company):
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .search([("code", "=", SEQUENCE_CODE), ("company_id", "=", company.id)], limit=1)
        )
        if not sequence:
            sequence = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Cash receipts %s", company.name),
                        "code": SEQUENCE_CODE,
                        "company_id": company.id,
                        "implementation": "no_gap",
                        "padding": 6,
                    }
                )
            )
        return sequence
