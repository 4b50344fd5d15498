import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.customer_portal_base.tools.cron import run_batched
from odoo.exceptions import ValidationError

_logger = logging.getLogger(__name__)

# As the intervention reminders: a batch of 100 costs the queries of a batch of 10.
CHECK_REMINDER_BATCH_SIZE = 100
DEFAULT_CHECK_REMINDER_DAYS = 30


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
    intervention_id = fields.Many2one(
        "field.intervention",
        index="btree_not_null",
        check_company=True,
        domain="[('partner_id', '=', partner_id)]",
        help="The intervention during which the check was done: the customer downloads its report with the "
        "check in the reserved area.",
    )
    # The reminder of the current next date is sent; moving the date re-arms it.
    reminder_sent = fields.Boolean(string="Reminder sent", copy=False, readonly=True)

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
        if "next_date" in vals:
            new_date = fields.Date.to_date(vals["next_date"])
            moved = self.filtered(lambda c: c.next_date != new_date)
            if moved and "reminder_sent" not in vals:
                # A new date: its reminder is due again (written apart: only the moved checks).
                super(FieldCheck, moved).write({"reminder_sent": False})
        res = super().write(vals)
        if {"next_date", "plant_id"} & set(vals):
            self._move_check_plans()
        return res

    def _portal_url(self):
        # Not a portal.mixin: the reserved area is the only way in, no token link to forward.
        self.ensure_one()
        return f"/my/checks/{self.id}"

    def _move_check_plans(self):
        """The 'Next check' of a plant's latest check is the due date of its check plans."""
        for check in self.filtered(lambda c: c.plant_id and c.next_date).sorted("date"):
            check.plant_id.plan_ids.filtered(lambda p: p.kind == "check").write(
                {"next_date": check.next_date}
            )

    @api.constrains("intervention_id", "partner_id")
    def _check_intervention_of_customer(self):
        for check in self.filtered("intervention_id"):
            if check.intervention_id.partner_id != check.partner_id:
                raise ValidationError(
                    self.env._(
                        "%(intervention)s is not an intervention of %(customer)s.",
                        intervention=check.intervention_id.name,
                        customer=check.partner_id.display_name,
                    )
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

    # ------------------------------------------------------------
    # REMINDER BEFORE THE NEXT CHECK
    # ------------------------------------------------------------

    @api.model
    def _reminder_days(self):
        value = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param("field_interventions.check_reminder_days", DEFAULT_CHECK_REMINDER_DAYS)
        )
        try:
            return max(int(value), 0)
        except (TypeError, ValueError):
            return DEFAULT_CHECK_REMINDER_DAYS

    @api.model
    def _get_reminder_domain(self, today):
        return [
            ("reminder_sent", "=", False),
            ("next_date", ">", today),
            ("next_date", "<=", today + timedelta(days=self._reminder_days())),
        ]

    @api.model
    def _cron_send_check_reminders(self, batch_size=CHECK_REMINDER_BATCH_SIZE):
        """E-mail the customers' contacts before each check's next date, once per check and date."""
        today = fields.Date.context_today(self)
        run_batched(
            self,
            self._get_reminder_domain(today),
            lambda checks: checks._send_reminders(),
            batch_size=batch_size,
            on_error=lambda check, error: _logger.exception("Check reminder not sent for %s", check.name),
        )

    def _send_reminders(self):
        """One mail per check to its customer's contacts who receive reminders, the batch at once; every
        check marked sent, with recipients or not (it leaves the cron's domain)."""
        template = self.env.ref("field_interventions.mail_template_check_reminder")
        recipients = {check.id: check._reminder_recipients() for check in self}
        to_send = self.filtered(lambda c: recipients[c.id])
        if to_send:
            rendered = template._generate_template(to_send.ids, ("subject", "body_html", "email_from"))
            reply_to = to_send._notify_get_reply_to()
            self.env["mail.mail"].sudo().create(
                [
                    {
                        "model": self._name,
                        "res_id": check.id,
                        "recipient_ids": [fields.Command.set(recipients[check.id].ids)],
                        "auto_delete": True,
                        "message_type": "email",
                        "reply_to": reply_to[check.id],
                        **rendered[check.id],
                    }
                    for check in to_send
                ]
            )
        self.with_context(tracking_disable=True).write({"reminder_sent": True})

    def _reminder_recipients(self):
        """The customer's contacts with reserved-area access, the reminder option and an e-mail."""
        self.ensure_one()
        return (self.partner_id | self.partner_id.child_ids).filtered(
            lambda c: c.email and c._portal_has_access("intervention_reminder")
        )
