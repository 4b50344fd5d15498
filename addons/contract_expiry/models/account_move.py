from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    customer_contract_id = fields.Many2one(
        "customer.contract", string="Contract", copy=False, index="btree_not_null", readonly=True
    )
    customer_contract_period_date = fields.Date(
        string="Contract period billed",
        copy=False,
        readonly=True,
        help="The billing date of the contract period this invoice bills; a period is billed once.",
    )

    _customer_contract_period_unique = models.UniqueIndex(
        "(customer_contract_id, customer_contract_period_date)"
        " WHERE customer_contract_period_date IS NOT NULL",
        "This contract period has already been invoiced.",
    )
