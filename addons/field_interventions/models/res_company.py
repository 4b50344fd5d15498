from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    field_plan_horizon_days = fields.Integer(
        string="Plan interventions ahead (days)",
        default=30,
        help="The maintenance plans create their next intervention this many days before it is due.",
    )
    field_dispatcher_id = fields.Many2one(
        "res.users",
        string="Intervention dispatcher",
        domain="[('share', '=', False)]",
        help="Gets an activity for each intervention a customer requests from the portal. Without one, "
        "the customer's salesperson gets it.",
    )

    @api.constrains("field_plan_horizon_days")
    def _check_field_plan_horizon_days(self):
        if any(company.field_plan_horizon_days < 0 for company in self):
            raise ValidationError(self.env._("The days ahead to plan interventions cannot be negative."))
