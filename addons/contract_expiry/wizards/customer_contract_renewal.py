from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..models.customer_contract import form_action


class CustomerContractRenewal(models.TransientModel):
    _name = "customer.contract.renewal"
    _description = "Renew a contract"

    contract_id = fields.Many2one("customer.contract", required=True, ondelete="cascade", readonly=True)
    currency_id = fields.Many2one(related="contract_id.currency_id")
    start_date = fields.Date(
        string="New start date",
        required=True,
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
        help="The day after the current expiry by default.",
    )
    expiry_date = fields.Date(
        string="New expiry date",
        required=True,
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
        help="As long as the current contract by default.",
    )
    price_mode = fields.Selection(
        [("keep", "Keep the prices"), ("revise", "Revise the prices by a percentage")],
        string="Prices",
        required=True,
        default="keep",
    )
    percentage = fields.Float(
        string="Revision (%)",
        digits=(16, 2),
        help="Applied to every unit price, e.g. 5 for +5% or -10 for a 10% reduction.",
    )

    @api.depends("contract_id")
    def _compute_dates(self):
        for wizard in self:
            if wizard.contract_id.expiry_date:
                wizard.start_date, wizard.expiry_date = wizard.contract_id._renewal_default_dates()
            else:
                wizard.start_date = wizard.expiry_date = False

    @api.constrains("percentage")
    def _check_percentage(self):
        for wizard in self:
            if wizard.percentage <= -100:
                raise ValidationError(self.env._("The price revision must be greater than -100%."))

    @api.constrains("start_date", "expiry_date")
    def _check_dates(self):
        for wizard in self:
            if wizard.start_date and wizard.expiry_date and wizard.expiry_date < wizard.start_date:
                raise ValidationError(self.env._("The new expiry date cannot be before the new start date."))

    def action_confirm(self):
        """Create the next contract, in draft to be signed again, and open it."""
        self.ensure_one()
        contract = self.contract_id
        contract._check_renewal_allowed()
        percentage = self.percentage if self.price_mode == "revise" else 0.0
        renewal = contract._renew(self.start_date, self.expiry_date, percentage)
        return form_action(renewal)
