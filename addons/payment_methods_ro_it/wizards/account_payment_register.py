from odoo import api, fields, models


class AccountPaymentRegister(models.TransientModel):
    _name = "account.payment.register"
    _inherit = ["account.payment.register", "account.collection.mixin", "l10n.ro.cash.mixin"]
    _collection_date_field = "payment_date"

    collection_method_id = fields.Many2one(
        compute="_compute_collection_method_id", store=True, readonly=False, precompute=True
    )

    @api.depends("line_ids")
    def _compute_collection_method_id(self):
        for wizard in self:
            invoices = wizard.line_ids.move_id
            methods = invoices.collection_method_id or invoices.partner_id.commercial_partner_id.mapped(
                "default_collection_method_id"
            )
            wizard.collection_method_id = methods if len(methods) == 1 else False

    @api.onchange("collection_method_id")
    def _onchange_collection_method_id(self):
        if self.collection_method_id.journal_id:
            self.journal_id = self.collection_method_id.journal_id
            if self.collection_method_id.payment_method_line_id:
                self.payment_method_line_id = self.collection_method_id.payment_method_line_id

    @api.constrains("payment_date", "amount")
    def _check_date_amount(self):
        self._check_collection_date_amount()

    def _create_payment_vals_from_wizard(self, batch_result):
        return {**super()._create_payment_vals_from_wizard(batch_result), **self._collection_values()}

    def _create_payment_vals_from_batch(self, batch_result):
        return {**super()._create_payment_vals_from_batch(batch_result), **self._collection_values()}
