from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SaleOrderReminderWizard(models.TransientModel):
    _name = "sale.order.reminder.wizard"
    _description = "Order reminder"

    order_id = fields.Many2one("sale.order", required=True, ondelete="cascade")
    remind_at = fields.Datetime(required=True, string="Remind at")
    note = fields.Char(string="What about")

    @api.constrains("remind_at")
    def _check_remind_at(self):
        for wizard in self:
            if wizard.remind_at <= fields.Datetime.now():
                raise ValidationError(self.env._("A reminder must be in the future."))

    def action_confirm(self):
        """An activity for the current user, with a bus popup at ``remind_at`` sent by a cron."""
        self.ensure_one()
        local = fields.Datetime.context_timestamp(self, self.remind_at)
        self.order_id.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=local.date(),
            summary=self.note or self.env._("Reminder about %s", self.order_id.name),
            user_id=self.env.uid,
            reminder_at=self.remind_at,
        )
        return {"type": "ir.actions.act_window_close"}
