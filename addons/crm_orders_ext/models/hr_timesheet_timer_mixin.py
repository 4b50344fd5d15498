from odoo import fields, models
from odoo.exceptions import UserError


class HrTimesheetTimerMixin(models.AbstractModel):
    """Start/stop a personal timer on a record; the time lands as timesheet lines.

    ``_timer_field`` names the field of ``hr.timesheet.timer`` that points to the inheriting model.
    """

    _name = "hr.timesheet.timer.mixin"
    _description = "Timesheet timer mixin"
    _timer_field = None

    timer_running = fields.Boolean(
        compute="_compute_timer_running", string="My timer is running", export_string_translation=False
    )

    def _compute_timer_running(self):
        timers = self.env["hr.timesheet.timer"].search(
            [("user_id", "=", self.env.uid), (self._timer_field, "in", self.ids)]
        )
        running = set(timers.mapped(f"{self._timer_field}.id"))
        for record in self:
            record.timer_running = record.id in running

    def _timer_project_and_task(self):
        """Return the (project, task) the timesheet lines of this record go to."""
        raise NotImplementedError

    def action_timer_start(self):
        self.ensure_one()
        project, _task = self._timer_project_and_task()
        if not project:
            raise UserError(self.env._("%s has no project to record time on.", self.display_name))
        timer_model = self.env["hr.timesheet.timer"]
        # one running timer per user: starting a new one stops the previous one
        timer_model._get_running()._stop()
        timer_model.create({self._timer_field: self.id})
        return True

    def action_timer_stop(self):
        self.ensure_one()
        timer = self.env["hr.timesheet.timer"]._get_running().filtered(lambda t: t[self._timer_field] == self)
        if not timer:
            raise UserError(self.env._("No timer of yours is running on %s.", self.display_name))
        timer._stop()
        return True
