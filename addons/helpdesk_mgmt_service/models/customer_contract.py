from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import fields, models
from odoo.addons.contract_expiry.models.customer_contract import BILLING_STEPS


def period_bounds(start_date, expiry_date, billing_period, day):
    """[begin, end) of the billing period holding `day` of a contract that starts on `start_date`: periods of
    BILLING_STEPS months from the start; a contract billed once ("none") is one period, start to expiry."""
    months = BILLING_STEPS.get(billing_period)
    if not months:
        return start_date, (expiry_date or date.max - relativedelta(days=1)) + relativedelta(days=1)
    elapsed = (day.year - start_date.year) * 12 + day.month - start_date.month
    if day.day < start_date.day:
        elapsed -= 1
    begin = start_date + relativedelta(months=(max(elapsed, 0) // months) * months)
    return begin, start_date + relativedelta(months=(max(elapsed, 0) // months + 1) * months)


class CustomerContract(models.Model):
    _inherit = "customer.contract"

    assistance_hours = fields.Float(
        string="Assistance hours per period",
        tracking=True,
        help="Helpdesk hours the contract covers in each billing period (the whole contract when it is not "
        "billed periodically); hours beyond them are billable.",
    )
    helpdesk_ticket_ids = fields.One2many("helpdesk.ticket", "contract_id", string="Tickets")
    helpdesk_ticket_count = fields.Integer(string="Ticket count", compute="_compute_helpdesk_ticket_count")

    def _compute_helpdesk_ticket_count(self):
        counts = self.env["helpdesk.ticket"]._count_per("contract_id", self)
        for contract in self:
            contract.helpdesk_ticket_count = counts.get(contract.id, 0)

    def action_view_helpdesk_tickets(self):
        return self.env["helpdesk.ticket"]._action_tickets([("contract_id", "in", self.ids)])

    def _assistance_period(self, day):
        """(first day, day after the last) of the assistance period holding `day`."""
        self.ensure_one()
        return period_bounds(self.start_date, self.expiry_date, self.billing_period, day)
