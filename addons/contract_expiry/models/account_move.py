from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    contract_id = fields.Many2one("customer.contract", copy=False, index="btree_not_null", readonly=True)
    contract_period_date = fields.Date(
        string="Contract period billed",
        copy=False,
        readonly=True,
        help="The billing date of the contract period this invoice bills; a period is billed once.",
    )

    _contract_period_unique = models.UniqueIndex(
        "(contract_id, contract_period_date) WHERE contract_period_date IS NOT NULL",
        "This contract period has already been invoiced.",
    )
