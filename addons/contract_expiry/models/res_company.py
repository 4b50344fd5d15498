from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    contract_alert_months = fields.Integer(
        string="Contract expiry alert (months before)",
        default=1,
        help="Months before a contract's expiry when its alert is sent, unless the contract sets its own.",
    )
    contract_alert_email = fields.Char(
        string="Contract notifications e-mail",
        help="Where expiry alerts are sent; the company e-mail when empty.",
    )
    contract_renewal_notice_days = fields.Integer(
        string="Contract renewal notice (days before)",
        default=60,
        help="Days before a contract's expiry when the customer is sent its renewal notice, unless the "
        "contract sets its own.",
    )
    contract_invoice_post = fields.Boolean(
        string="Post periodic contract invoices",
        help="Post the invoices the periodic billing creates; otherwise they stay in draft for review.",
    )

    _contract_renewal_notice_days_positive = models.Constraint(
        "CHECK(contract_renewal_notice_days >= 0)", "The renewal notice offset cannot be negative."
    )

    def _contract_alert_email(self):
        self.ensure_one()
        return self.contract_alert_email or self.email
