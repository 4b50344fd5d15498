from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    onboarding_reminder_days = fields.Integer(
        string="Onboarding reminder every (days)",
        config_parameter="crm_orders_ext.onboarding_reminder_days",
        default=7,
    )
