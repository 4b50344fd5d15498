from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    contract_alert_months = fields.Integer(related="company_id.contract_alert_months", readonly=False)
    contract_alert_email = fields.Char(related="company_id.contract_alert_email", readonly=False)
    contract_invoice_post = fields.Boolean(related="company_id.contract_invoice_post", readonly=False)
    contract_renewal_notice_days = fields.Integer(
        related="company_id.contract_renewal_notice_days", readonly=False
    )
