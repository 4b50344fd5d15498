from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .account_cash_receipt import amount_in_words


class AccountPayment(models.Model):
    _name = "account.payment"
    _inherit = ["account.payment", "account.collection.mixin", "l10n.ro.cash.mixin"]

    collection_method_id = fields.Many2one(tracking=True, index="btree_not_null")
    collection_kind = fields.Selection(store=True)
    cash_receipt_ids = fields.One2many("account.cash.receipt", "payment_id", string="All cash receipts")
    cash_receipt_id = fields.Many2one(
        "account.cash.receipt", compute="_compute_cash_receipt_id", string="Cash receipt"
    )

    _pos_transaction_unique = models.UniqueIndex(
        "(journal_id, pos_transaction_ref) WHERE pos_transaction_ref IS NOT NULL",
        "This POS transaction number is already recorded in this journal.",
    )

    @api.depends("cash_receipt_ids.state")
    def _compute_cash_receipt_id(self):
        for payment in self:
            payment.cash_receipt_id = payment.cash_receipt_ids.filtered(lambda r: r.state == "valid")[:1]

    @api.constrains("date", "amount")
    def _check_date_amount(self):
        self._check_collection_date_amount()

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("pos_transaction_ref"):
                self._check_pos_transaction_free(vals.get("journal_id"), vals["pos_transaction_ref"])
        return super().create(vals_list)

    def write(self, vals):
        if {"journal_id", "pos_transaction_ref"} & vals.keys():
            for payment in self:
                ref = vals.get("pos_transaction_ref", payment.pos_transaction_ref)
                if ref:
                    journal_id = vals.get("journal_id", payment.journal_id.id)
                    payment._check_pos_transaction_free(journal_id, ref, exclude=payment)
        res = super().write(vals)
        if vals.get("state") in ("draft", "canceled", "rejected"):
            # Whoever changes the state (action_cancel/action_draft, the journal entry's button_cancel,
            # a direct write): a payment cancelled, rejected or back in draft (it may change) loses its
            # receipt (number kept); a new one is numbered when it is posted again.
            self._cancel_cash_receipts(vals["state"])
        return res

    def _cancel_cash_receipts(self, state):
        """Cancel the valid receipts of these payments, now in `state` (draft, canceled or rejected)."""
        for payment in self:
            if state == "draft":
                reason = self.env._("Payment %(payment)s reset to draft.", payment=payment.display_name)
            elif state == "rejected":
                reason = self.env._("Payment %(payment)s rejected.", payment=payment.display_name)
            else:
                reason = self.env._("Payment %(payment)s cancelled.", payment=payment.display_name)
            payment.cash_receipt_ids._cancel_with_payment(reason)

    @api.model
    def _check_pos_transaction_free(self, journal_id, ref, exclude=None):
        # Checked before saving for a clear message; the unique index covers concurrent saves.
        domain = [("journal_id", "=", journal_id), ("pos_transaction_ref", "=", ref)]
        if exclude:
            domain.append(("id", "not in", exclude.ids))
        if self.sudo().search_count(domain, limit=1):
            journal = self.env["account.journal"].browse(journal_id)
            raise ValidationError(
                self.env._(
                    "The POS transaction number %(ref)s is already recorded in the journal %(journal)s.",
                    ref=ref,
                    journal=journal.name,
                )
            )

    @api.onchange("collection_method_id")
    def _onchange_collection_method_id(self):
        if self.collection_method_id.journal_id and self.state == "draft":
            self.journal_id = self.collection_method_id.journal_id
            if self.collection_method_id.payment_method_line_id:
                self.payment_method_line_id = self.collection_method_id.payment_method_line_id

    def action_post(self):
        res = super().action_post()
        self._create_cash_receipts()
        return res

    def _needs_cash_receipt(self):
        """A chitanță is Romanian law: cash collected by a Romanian company from a company, or from an
        individual who asks for one. Other companies print a plain receipt on request only."""
        self.ensure_one()
        return (
            self.l10n_ro_is_romanian
            and self.collection_kind == "cash"
            and self.journal_id.type == "cash"
            and self.payment_type == "inbound"
            and not self.cash_receipt_id
            and (self.partner_id.commercial_partner_id.is_company or self.cash_receipt_requested)
        )

    def _create_cash_receipts(self):
        payments = self.filtered(lambda p: p._needs_cash_receipt())
        if not payments:
            return
        # Users cannot create receipts themselves: they are issued here, from the posted payment.
        self.env["account.cash.receipt"].sudo().create(
            [
                {
                    "payment_id": payment.id,
                    "journal_id": payment.journal_id.id,
                    "partner_id": payment.partner_id.id,
                    "amount": payment.amount,
                    "currency_id": payment.currency_id.id,
                    "date": payment.date,
                }
                for payment in payments
            ]
        )

    def action_print_payment_receipt(self):
        """The receipt of a cash payment of a non-Romanian company (ricevuta di pagamento), printed on
        request in the payer's language: no fiscal number, no chitanță sequence used."""
        for payment in self:
            if payment.l10n_ro_is_romanian:
                raise UserError(
                    self.env._("A Romanian company prints the cash receipt (chitanță) of the payment.")
                )
            if (
                payment.state not in ("in_process", "paid")
                or payment.collection_kind != "cash"
                or payment.payment_type != "inbound"
            ):
                raise UserError(
                    self.env._(
                        "Only a confirmed cash payment received from a customer has a payment receipt (%s).",
                        payment.display_name,
                    )
                )
        return self.env.ref("payment_methods_ro_it.action_report_payment_receipt").report_action(self)

    def _payment_receipt_amount_in_words(self, lang):
        self.ensure_one()
        return amount_in_words(self.currency_id, self.amount, lang)

    def _payment_receipt_invoice_ref(self):
        self.ensure_one()
        invoices = self.reconciled_invoice_ids | self.invoice_ids
        return ", ".join(invoices.mapped("name")) or self.memo or ""
