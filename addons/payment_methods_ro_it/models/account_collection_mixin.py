from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class AccountCollectionMixin(models.AbstractModel):
    """Cash-in details shared by the payment and its register wizard.

    The two models name their date field differently: ``_collection_date_field`` says which one.
    """

    _name = "account.collection.mixin"
    _description = "Collection details"
    _collection_date_field = "date"

    collection_method_id = fields.Many2one(
        "account.collection.method",
        string="Collection method",
        domain="[('company_id', 'in', (False, company_id))]",
    )
    collection_kind = fields.Selection(related="collection_method_id.kind", string="Collection kind")
    bank_order_date = fields.Date(string="Order received on")
    bank_order_ref = fields.Char(string="Order document no.")
    pos_date = fields.Date(string="POS date")
    pos_transaction_ref = fields.Char(string="POS transaction no.")
    cash_receipt_requested = fields.Boolean(
        string="Issue cash receipt",
        help="Company customers always get a cash receipt; tick it to issue one to an individual too.",
    )

    @api.constrains("collection_method_id", "pos_transaction_ref")
    def _check_collection_details(self):
        for record in self.filtered(lambda r: r.collection_kind == "pos"):
            if not record.pos_transaction_ref:
                raise ValidationError(self.env._("A POS payment needs the terminal's transaction number."))

    def _check_collection_date_amount(self):
        # Cash-in only: a payment to a supplier may well be planned ahead.
        limit = fields.Date.context_today(self) + timedelta(days=1)
        for record in self.filtered(lambda r: r.payment_type == "inbound"):
            if record.amount < 0:
                raise ValidationError(
                    self.env._("The payment amount cannot be negative (%s).", record.amount)
                )
            date = record[self._collection_date_field]
            if date and date > limit:
                raise ValidationError(
                    self.env._("The payment date %(date)s is more than one day in the future.", date=date)
                )

    def _collection_values(self):
        self.ensure_one()
        return {
            "collection_method_id": self.collection_method_id.id,
            "bank_order_date": self.bank_order_date,
            "bank_order_ref": self.bank_order_ref,
            "pos_date": self.pos_date,
            "pos_transaction_ref": self.pos_transaction_ref,
            "cash_receipt_requested": self.cash_receipt_requested,
        }
