import logging
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.addons.customer_portal_base.tools.cron import run_batched
from odoo.exceptions import ValidationError
from odoo.fields import Domain

_logger = logging.getLogger(__name__)

# One batch of plans: one search, one create of their interventions, one update of the plans, whether it
# holds 10 or 100 plans (the ORM inserts and updates by 100).
PLAN_BATCH_SIZE = 100
# Local hour at which a planned intervention starts, until the dispatcher moves it.
PLANNED_HOUR = 8


class FieldMaintenancePlan(models.Model):
    _name = "field.maintenance.plan"
    _description = "Maintenance plan of a plant"
    _inherit = ["mail.thread"]
    _order = "next_date, id"
    _check_company_auto = True

    # ------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------

    name = fields.Char(compute="_compute_name", store=True, readonly=False, precompute=True, required=True)
    active = fields.Boolean(default=True)
    plant_id = fields.Many2one(
        "field.plant", required=True, index=True, ondelete="cascade", check_company=True, tracking=True
    )
    partner_id = fields.Many2one(related="plant_id.partner_id", store=True, index=True, string="Customer")
    site_id = fields.Many2one(related="plant_id.site_id", store=True)
    company_id = fields.Many2one(related="plant_id.company_id", store=True, index=True)
    kind = fields.Selection(
        [("maintenance", "Maintenance"), ("check", "Check")],
        required=True,
        default="maintenance",
        tracking=True,
        help="The kind of the interventions this plan creates. The next check follows the 'Next check' "
        "date of the last check recorded for the plant.",
    )
    interval_months = fields.Integer(
        string="Every (months)",
        tracking=True,
        help="Months between two interventions, counted from the day the last one was really done. Leave "
        "it empty to follow the legal interval of the plant's type.",
    )
    legal_interval_months = fields.Integer(related="plant_id.type_id.interval_months")
    effective_interval_months = fields.Integer(
        string="Interval (months)",
        compute="_compute_effective_interval_months",
        store=True,
        precompute=True,
        help="The plan's own interval, else the legal interval of the plant's type.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Technician",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('share', '=', False)]",
        tracking=True,
        help="Assigned to the planned interventions; by default the last technician of the plant.",
    )
    duration = fields.Float(string="Duration (hours)", default=2.0)
    last_done_date = fields.Date(
        string="Last done on",
        compute="_compute_last_done_date",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
    )
    next_date = fields.Date(
        string="Next due on",
        compute="_compute_next_date",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
        tracking=True,
    )
    # The due date its intervention was created for: the plan is due again once next_date moves.
    planned_for_date = fields.Date(string="Planned for", copy=False, readonly=True)
    to_plan = fields.Boolean(string="Due to plan", compute="_compute_to_plan", store=True, index=True)
    intervention_ids = fields.One2many("field.intervention", "plan_id", string="Interventions", readonly=True)

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    @api.depends("plant_id", "kind")
    def _compute_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for plan in self:
            if plan.plant_id:
                plan.name = f"{kinds.get(plan.kind, '')}: {plan.plant_id.display_name}"
            elif not plan.name:
                plan.name = kinds.get(plan.kind, "")

    @api.depends("interval_months", "plant_id.type_id.interval_months")
    def _compute_effective_interval_months(self):
        for plan in self:
            plan.effective_interval_months = plan.interval_months or plan.legal_interval_months

    @api.depends("plant_id")
    def _compute_user_id(self):
        for plan in self:
            plan.user_id = plan.plant_id._last_technician() or plan.user_id

    @api.depends("plant_id", "kind")
    def _compute_last_done_date(self):
        for plan in self:
            done = plan.plant_id.intervention_ids.filtered(
                lambda i, plan=plan: i.kind == plan.kind and i.date_done
            )
            last = max(done.mapped("date_done"), default=False)
            plan.last_done_date = last and fields.Date.context_today(plan, timestamp=last)

    @api.depends("last_done_date", "effective_interval_months")
    def _compute_next_date(self):
        for plan in self:
            if plan.last_done_date and plan.effective_interval_months > 0:
                plan.next_date = plan.last_done_date + relativedelta(months=plan.effective_interval_months)
            elif not plan.next_date:
                plan.next_date = fields.Date.context_today(plan)

    @api.depends("next_date", "planned_for_date")
    def _compute_to_plan(self):
        for plan in self:
            plan.to_plan = plan.next_date != plan.planned_for_date

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("interval_months", "plant_id")
    def _check_interval(self):
        for plan in self:
            if plan.interval_months < 0:
                raise ValidationError(
                    self.env._(
                        "%(plan)s: the months between two interventions cannot be negative.", plan=plan.name
                    )
                )
            if plan.effective_interval_months <= 0:
                raise ValidationError(
                    self.env._(
                        "%(plan)s: give the months between two interventions. The plant's type "
                        "(%(type)s) has no legal interval to follow.",
                        plan=plan.name,
                        type=plan.plant_id.type_id.name or self.env._("none"),
                    )
                )

    @api.constrains("duration")
    def _check_duration(self):
        for plan in self:
            if plan.duration <= 0:
                raise ValidationError(
                    self.env._("%(plan)s: the duration must be more than zero hours.", plan=plan.name)
                )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_view_interventions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "field_interventions.action_field_intervention"
        )
        action["domain"] = [("plan_id", "=", self.id)]
        action["context"] = {"default_plan_id": self.id, "default_partner_id": self.partner_id.id}
        return action

    # ------------------------------------------------------------
    # HOOKS of interventions and checks
    # ------------------------------------------------------------

    def _on_interventions_done(self, interventions):
        """Restart the clock of these plans from the day their plant's intervention was really done."""
        for plan in self:
            done = interventions.filtered(
                lambda i, plan=plan: i.date_done and i.kind == plan.kind and plan.plant_id in i.plant_ids
            ) | interventions.filtered(lambda i, plan=plan: i.plan_id == plan and i.date_done)
            if done:
                last = max(done.mapped("date_done"))
                plan.last_done_date = fields.Date.context_today(plan, timestamp=last)
                if plan.kind == "check":
                    plan._follow_latest_check()

    def _follow_latest_check(self):
        """A check plan is next due on the 'Next check' of the plant's check recorded since the last done
        one, when there is one (the checker's date wins over the interval)."""
        self.ensure_one()
        latest = self.env["field.check"].search(
            [
                ("plant_id", "=", self.plant_id.id),
                ("next_date", "!=", False),
                ("date", ">=", self.last_done_date),
            ],
            order="date desc, id desc",
            limit=1,
        )
        if latest:
            self.next_date = latest.next_date

    # ------------------------------------------------------------
    # CRON
    # ------------------------------------------------------------

    @api.model
    def _get_due_domain(self):
        """Active plans of active plants whose next date falls within their company's horizon and whose
        intervention for that date is not created yet."""
        today = fields.Date.context_today(self)
        # The companies that have plans waiting: one horizon each.
        companies = [
            company for (company,) in self.sudo()._read_group([("to_plan", "=", True)], ["company_id"])
        ]
        within_horizon = Domain.OR(
            Domain("company_id", "=", company.id)
            & Domain("next_date", "<=", today + timedelta(days=company.field_plan_horizon_days))
            for company in companies
        )
        if not companies:
            return Domain.FALSE
        # One open intervention per plan at a time: the next one comes once it is done (or cancelled).
        open_states = ("draft", "planned", "in_progress")
        return (
            Domain("to_plan", "=", True)
            & Domain("plant_id.active", "=", True)
            & Domain("intervention_ids", "not any", [("state", "in", open_states)])
            & within_horizon
        )

    @api.model
    def _cron_plan_interventions(self, batch_size=PLAN_BATCH_SIZE):
        """Create the interventions of the plans due within the horizon; running it again creates none."""
        run_batched(
            self,
            self._get_due_domain(),
            lambda plans: plans._create_next_interventions(),
            batch_size=batch_size,
            on_error=lambda plan, error: _logger.exception("No intervention planned for %s", plan.name),
        )

    def _create_next_interventions(self):
        """One planned intervention per plan, all created at once, and the plans marked as planned."""
        Intervention = self.env["field.intervention"].with_context(
            mail_create_nolog=True, mail_create_nosubscribe=True, tracking_disable=True
        )
        interventions = Intervention.create([plan._prepare_intervention_values() for plan in self])
        for plan in self:
            plan.planned_for_date = plan.next_date
        return interventions

    def _prepare_intervention_values(self):
        self.ensure_one()
        tz = pytz.timezone(self.user_id.tz or self.env.user.tz or "UTC")
        start = (
            tz.localize(datetime.combine(self.next_date, time(PLANNED_HOUR)))
            .astimezone(pytz.utc)
            .replace(tzinfo=None)
        )
        return {
            "plan_id": self.id,
            "company_id": self.company_id.id,
            "partner_id": self.partner_id.id,
            "site_id": self.site_id.id,
            "plant_ids": [fields.Command.set(self.plant_id.ids)],
            "kind": self.kind,
            "date_start": start,
            "date_end": start + timedelta(hours=self.duration),
            "user_ids": [fields.Command.set(self.user_id.ids)],
        }
