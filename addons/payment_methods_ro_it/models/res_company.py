from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    cash_receipt_series = fields.Char(
        default="CH",
        help="Series printed on the cash receipts (chitanțe) of this company.",
        string="Cash receipt series",
    )
