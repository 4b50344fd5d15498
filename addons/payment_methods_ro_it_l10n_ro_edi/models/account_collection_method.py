from odoo import api, fields, models

# UNTDID 4461 payment means codes the Romanian e-Factura (CIUS-RO) uses for a customer's payments.
UBL_PAYMENT_MEANS = [
    ("10", "10 - In cash"),
    ("20", "20 - Cheque"),
    ("30", "30 - Credit transfer"),
    ("42", "42 - Payment to bank account"),
    ("48", "48 - Bank card"),
    ("49", "49 - Direct debit"),
    ("54", "54 - Credit card"),
    ("57", "57 - Standing agreement"),
    ("58", "58 - SEPA credit transfer"),
    ("59", "59 - SEPA direct debit"),
    ("97", "97 - Clearing between partners"),
    ("ZZZ", "ZZZ - Mutually defined"),
]
# The code each kind of cash-in stands for unless the method says otherwise.
DEFAULT_CODES = {"bank_order": "42", "cash": "10", "card": "48", "pos": "48"}


class AccountCollectionMethod(models.Model):
    _inherit = "account.collection.method"

    ubl_payment_means_code = fields.Selection(
        UBL_PAYMENT_MEANS,
        string="e-Factura payment means",
        compute="_compute_ubl_payment_means_code",
        store=True,
        readonly=False,
        help="UNTDID 4461 code written as PaymentMeansCode in the e-Factura (UBL CIUS-RO) of a Romanian "
        "company's invoice agreed or paid with this method.",
    )

    @api.depends("kind")
    def _compute_ubl_payment_means_code(self):
        for method in self:
            method.ubl_payment_means_code = DEFAULT_CODES.get(method.kind)

    def _ubl_payment_means_name(self):
        self.ensure_one()
        # The code's English name, as Odoo writes it in the "name" attribute (not translated: it is data).
        return dict(UBL_PAYMENT_MEANS)[self.ubl_payment_means_code].split(" - ", 1)[1]
