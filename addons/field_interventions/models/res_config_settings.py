from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    field_intervention_reminder_first_days = fields.Integer(
        string="First reminder (days before)",
        config_parameter="field_interventions.reminder_first_days",
        default=30,
    )
    field_intervention_reminder_second_days = fields.Integer(
        string="Second reminder (days before)",
        config_parameter="field_interventions.reminder_second_days",
        default=7,
    )
    field_check_reminder_days = fields.Integer(
        string="Next check reminder (days before)",
        config_parameter="field_interventions.check_reminder_days",
        default=30,
    )
    field_plan_horizon_days = fields.Integer(related="company_id.field_plan_horizon_days", readonly=False)
    field_dispatcher_id = fields.Many2one(related="company_id.field_dispatcher_id", readonly=False)
