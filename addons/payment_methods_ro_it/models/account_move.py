from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    collection_method_id = fields.Many2one(
        "account.collection.method",
        string="Payment method",
        compute="_compute_collection_method_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        tracking=True,
        help="The customer's default method on a new invoice; the method it was paid with once paid.",
    )

    @api.depends("partner_id", "matched_payment_ids.collection_method_id", "matched_payment_ids.state")
    def _compute_collection_method_id(self):
        for move in self:
            if not move.is_sale_document(include_receipts=True):
                move.collection_method_id = False
                continue
            paid_with = move.matched_payment_ids.filtered(
                lambda p: p.state not in ("draft", "canceled", "rejected")
            ).collection_method_id
            if paid_with:
                move.collection_method_id = paid_with[-1]
            elif move.state == "draft":
                move.collection_method_id = move.partner_id.commercial_partner_id.default_collection_method_id
            else:
                move.collection_method_id = move.collection_method_id

    @api.depends("collection_method_id")
    def _compute_preferred_payment_method_line_id(self):
        # The agreed collection method names Odoo's payment method to propose (Register Payment, QR codes).
        res = super()._compute_preferred_payment_method_line_id()
        for move in self:
            line = move.collection_method_id.payment_method_line_id
            if move.is_sale_document() and line and line.company_id == move.company_id:
                move.preferred_payment_method_line_id = line
        return res

    def _post(self, soft=True):
        # Stored computes run when first read: read the method while the invoice is still a draft, so
        # that one created and posted in one go still gets the customer's method.
        self.mapped("collection_method_id")
        return super()._post(soft)

    def _get_starting_sequence(self):
        # A Romanian invoice is numbered by series and number (Codul fiscal, art. 319): the sale journal's
        # code is its series, numbers run on without a yearly restart (FCT-00001, FCT-00002, ...).
        starting = super()._get_starting_sequence()
        if self.journal_id.type == "sale" and self.company_id.country_id.code == "RO":
            starting = f"{self.journal_id.code}-00000"
            if self.journal_id.refund_sequence and self.move_type == "out_refund":
                starting = "R" + starting
        return starting

    def button_draft(self):
        res = super().button_draft()
        # The journal entry of a payment back in draft may change while the payment keeps its state:
        # its receipt is cancelled as when the payment itself is reset.
        self.origin_payment_id._cancel_cash_receipts("draft")
        return res
