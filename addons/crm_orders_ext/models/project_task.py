from odoo import models


class ProjectTask(models.Model):
    _name = "project.task"
    _inherit = ["project.task", "hr.timesheet.timer.mixin"]
    _timer_field = "task_id"

    def _timer_project_and_task(self):
        return self.project_id, self
