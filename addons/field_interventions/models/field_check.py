from odoo import api, fields, models
from odoo.exceptions import ValidationError


class FieldCheck(models.Model):
    _name = "field.check"
    _description = "Check or report of a customer"
    _inherit = ["field.site.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    check_type = fields.Selection(
        [("check", "Check"), ("report", "Report")],
        string="Type",
        required=True,
        default="check",
        tracking=True,
    )
    plant_id = fields.Many2one(
        "field.plant",
        index=True,
        check_company=True,
        domain="[('partner_id', '=', partner_id)]",
    )
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
    )
    user_id = fields.Many2one("res.users", string="Done by", default=lambda self: self.env.user)
    next_date = fields.Date(string="Next check", tracking=True)
    notes = fields.Html()
    attachment_ids = fields.Many2many(
        "ir.attachment", "field_check_attachment_rel", "check_id", "attachment_id", string="Attachments"
    )

    @api.depends("plant_id", "partner_id")
    def _compute_company_id(self):
        # The check belongs where its plant is; without a plant, as a plant would (see field.plant).
        for check in self:
            check.company_id = (
                check.plant_id.company_id
                or check.partner_id.company_id
                or check.company_id
                or self.env.company
            )

    @api.model_create_multi
    def create(self, vals_list):
        checks = super().create(vals_list)
        checks._move_check_plans()
        return checks

    def write(self, vals):
        res = super().write(vals)
        if {"next_date", "plant_id"} & set(vals):
            self._move_check_plans()
        return res

    def _move_check_plans(self):
        """The 'Next check' of a plant's latest check is the due date of its check plans."""
        for check in self.filtered(lambda c: c.plant_id and c.next_date).sorted("date"):
            check.plant_id.plan_ids.filtered(lambda p: p.kind == "check").write(
                {"next_date": check.next_date}
            )

    @api.constrains("plant_id", "partner_id", "site_id")
    def _check_plant_of_customer(self):
        for check in self.filtered("plant_id"):
            plant = check.plant_id
            if check._elsewhere(plant):
                raise ValidationError(
                    self.env._(
                        "%(plant)s is not a plant of %(customer)s at this site.",
                        plant=plant.display_name,
                        customer=check.partner_id.display_name,
                    )
                )
