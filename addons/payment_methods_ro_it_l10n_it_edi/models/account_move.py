from odoo import api, models


class AccountMove(models.Model):
    _inherit = "account.move"

    @api.depends("collection_method_id.l10n_it_payment_method")
    def _compute_l10n_it_payment_method(self):
        # Odoo takes the code from the payment's method line, else MP05: the method agreed with the
        # customer (or the one it paid with) is more precise, a cash payment is never a wire transfer.
        res = super()._compute_l10n_it_payment_method()
        for move in self:
            code = move.collection_method_id.l10n_it_payment_method
            if code and move.company_id.account_fiscal_country_id.code == "IT":
                move.l10n_it_payment_method = code
        return res
