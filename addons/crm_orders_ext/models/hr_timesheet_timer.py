from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models


class HrTimesheetTimer(models.Model):
    _name = "hr.timesheet.timer"
    _description = "Running timesheet timer"
    _order = "start desc"

    user_id = fields.Many2one(
        "res.users", required=True, index=True, default=lambda self: self.env.user, ondelete="cascade"
    )
    start = fields.Datetime(required=True, default=fields.Datetime.now)
    order_id = fields.Many2one("sale.order", index="btree_not_null", ondelete="cascade")
    task_id = fields.Many2one("project.task", index="btree_not_null", ondelete="cascade")

    _one_per_user = models.Constraint("UNIQUE(user_id)", "Each user has at most one running timer.")
    _one_target = models.Constraint(
        "CHECK((order_id IS NULL) != (task_id IS NULL))", "A timer runs on an order or on a task."
    )

    @api.model
    def _get_running(self):
        return self.search([("user_id", "=", self.env.uid)])

    def _stop(self, stop=None):
        """Turn the timers into timesheet lines (one per local day) and delete them."""
        stop = stop or fields.Datetime.now()
        values = []
        for timer in self:
            target = timer.task_id or timer.order_id
            project, task = target._timer_project_and_task()
            for day, hours in self._split_by_day(timer.start, stop, timer.user_id.tz):
                values.append(
                    {
                        "name": self.env._("Timer: %s", target.display_name),
                        "project_id": project.id,
                        "task_id": task.id,
                        "user_id": timer.user_id.id,
                        "date": day,
                        "unit_amount": hours,
                    }
                )
        self.env["account.analytic.line"].create(values)
        self.unlink()

    @api.model
    def _split_by_day(self, start, stop, tz_name):
        """Split the UTC interval [start, stop] at the user's midnights.

        :return: list of (local date, hours), so a timer left running overnight is kept whole.
        """
        tz = pytz.timezone(tz_name or "UTC")
        local = pytz.utc.localize(start).astimezone(tz)
        local_stop = pytz.utc.localize(stop).astimezone(tz)
        parts = []
        while local < local_stop:
            midnight = tz.localize(datetime.combine(local.date() + timedelta(days=1), time.min))
            end = min(midnight, local_stop)
            parts.append((local.date(), (end - local).total_seconds() / 3600.0))
            local = end
        return parts or [(local.date(), 0.0)]
