from odoo import api, fields, models
from odoo.addons.customer_portal_base.tools.cron import run_batched


class MailActivity(models.Model):
    _inherit = "mail.activity"

    in_calendar = fields.Boolean(
        string="Put it in the calendar",
        help="Create a calendar event for the responsible user and keep it in step with the activity.",
    )
    reminder_at = fields.Datetime(string="Remind at", index="btree_not_null", copy=False)
    reminder_sent = fields.Boolean(string="Reminder sent", copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        activities = super().create(vals_list)
        activities.filtered(lambda a: a.in_calendar and not a.calendar_event_id)._create_calendar_events()
        activities._trigger_reminder_cron()
        return activities

    def write(self, vals):
        res = super().write(vals)
        if vals.get("in_calendar"):
            self.filtered(lambda a: not a.calendar_event_id)._create_calendar_events()
        elif "in_calendar" in vals:
            events = self.calendar_event_id
            self.calendar_event_id = False
            events.unlink()
        if "user_id" in vals or "summary" in vals:
            for activity in self.filtered(lambda a: a.in_calendar and a.calendar_event_id):
                event = activity.calendar_event_id
                # the event writes name and user back to its activities: write only what differs
                values = activity._prepare_event_sync_values()
                if event.name == values["name"]:
                    del values["name"]
                if event.user_id.id == values["user_id"]:
                    del values["user_id"], values["partner_ids"]
                if values:
                    event.write(values)
        if "reminder_at" in vals:
            self.reminder_sent = False
            self._trigger_reminder_cron()
        return res

    def unlink(self):
        # a cancelled activity takes its calendar event along
        events = self.filtered("in_calendar").calendar_event_id
        res = super().unlink()
        events.exists().unlink()
        return res

    def _action_done(self, feedback=False, attachment_ids=None):
        events = self.filtered("in_calendar").calendar_event_id
        res = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        # renamed once the activity is archived, so the name does not flow back into its summary
        for event in events:
            event.name = self.env._("Done: %s", event.name)
        return res

    def _prepare_event_sync_values(self):
        self.ensure_one()
        return {
            "name": self.summary or self.activity_type_id.name or self.res_name,
            "user_id": self.user_id.id,
            "partner_ids": [fields.Command.set(self.user_id.partner_id.ids)],
        }

    def _create_calendar_events(self):
        values = []
        for activity in self:
            values.append(
                {
                    **activity._prepare_event_sync_values(),
                    "allday": True,
                    "start": activity.date_deadline,
                    "stop": activity.date_deadline,
                    "res_model_id": activity.res_model_id.id,
                    "res_id": activity.res_id,
                    "activity_ids": [fields.Command.set(activity.ids)],
                }
            )
        # the responsible user may not be allowed to create events for another user
        self.env["calendar.event"].sudo().with_context(skip_contact_description=True).create(values)

    def _trigger_reminder_cron(self):
        cron = self.env.ref("crm_orders_ext.ir_cron_activity_reminder", raise_if_not_found=False)
        for reminder_at in set(self.filtered("reminder_at").mapped("reminder_at")):
            cron._trigger(at=reminder_at)

    @api.model
    def _cron_send_reminders(self, batch_size=200):
        """Pop up the due reminders in their user's backend through the bus."""
        domain = [("reminder_at", "<=", fields.Datetime.now()), ("reminder_sent", "=", False)]
        run_batched(self, domain, lambda activities: activities._send_reminders(), batch_size=batch_size)

    def _send_reminders(self):
        for activity in self:
            activity.user_id._bus_send(
                "simple_notification",
                {
                    "type": "warning",
                    "sticky": True,
                    "title": self.env._("Reminder: %s", activity.res_name or activity.summary or ""),
                    "message": activity.summary or activity.activity_type_id.name or "",
                },
            )
        self.reminder_sent = True
