from odoo import api, fields, models
from odoo.addons.l10n_it_edi.models.account_payment_method_line import L10N_IT_PAYMENT_METHOD_SELECTION

# The FatturaPA code each kind of cash-in stands for unless the method says otherwise.
DEFAULT_CODES = {"bank_order": "MP05", "cash": "MP01", "card": "MP08", "pos": "MP08"}


class AccountCollectionMethod(models.Model):
    _inherit = "account.collection.method"

    l10n_it_payment_method = fields.Selection(
        L10N_IT_PAYMENT_METHOD_SELECTION,
        string="FatturaPA code",
        compute="_compute_l10n_it_payment_method",
        store=True,
        readonly=False,
        help="ModalitaPagamento written in the FatturaPA of an Italian company's invoice agreed or paid "
        "with this method.",
    )

    @api.depends("kind")
    def _compute_l10n_it_payment_method(self):
        for method in self:
            method.l10n_it_payment_method = DEFAULT_CODES.get(method.kind)
