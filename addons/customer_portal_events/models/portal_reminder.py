import logging

from odoo import api, fields, models
from odoo.exceptions import ValidationError

_logger = logging.getLogger(__name__)

CRON_BATCH_SIZE = 100


class PortalReminder(models.Model):
    """A personal reminder a portal user writes for themselves; e-mailed at its date and time."""

    _name = "portal.reminder"
    _description = "Personal reminder"
    _order = "date_remind, id"

    name = fields.Char(string="Title", required=True)
    date_remind = fields.Datetime(string="Remind me on", required=True, index=True)
    note = fields.Text()
    user_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        ondelete="cascade",
        index=True,
    )
    # Optional link to one of the user's own documents; other addons add their models to the selection
    # through _reminder_target_models() (e.g. field_interventions: interventions).
    target_ref = fields.Reference(selection="_selection_target_ref", string="Linked to")
    sent_on = fields.Datetime(string="Sent on", readonly=True, copy=False)

    # ------------------------------------------------------------
    # COMPUTE / CONSTRAINTS
    # ------------------------------------------------------------

    @api.model
    def _selection_target_ref(self):
        return [(model, self.env[model]._description) for model in self._reminder_target_models()]

    @api.model
    def _reminder_target_models(self):
        """Models a reminder may link to: each must have a partner_id (the customer) and access_url."""
        return ["sale.order"]

    @api.constrains("target_ref", "user_id")
    def _check_target_ref(self):
        for reminder in self:
            target = reminder.target_ref
            if not target:
                continue
            if target._name not in self._reminder_target_models():
                raise ValidationError(self.env._("A reminder cannot be linked to this kind of document."))
            customer = target.sudo().partner_id.commercial_partner_id
            if reminder.user_id.share and customer != reminder.user_id.partner_id.commercial_partner_id:
                raise ValidationError(self.env._("You can only link a reminder to your own documents."))

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    def write(self, vals):
        if "date_remind" not in vals:
            return super().write(vals)
        # A new date means a new reminder to send; saving the same date again sends nothing.
        new_date = fields.Datetime.to_datetime(vals["date_remind"])
        moved = self.filtered(lambda r: r.date_remind != new_date)
        res = super().write(vals)
        moved.filtered("sent_on").write({"sent_on": False})
        return res

    # ------------------------------------------------------------
    # CRON
    # ------------------------------------------------------------

    @api.model
    def _get_due_domain(self):
        return [("sent_on", "=", False), ("date_remind", "<=", fields.Datetime.now())]

    @api.model
    def _cron_send_due_reminders(self):
        """Send the due reminders, once each: a savepoint per reminder, a commit per batch in the cron."""
        reminders = self.sudo().search(self._get_due_domain())
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        for start in range(0, len(reminders), CRON_BATCH_SIZE):
            batch = reminders[start : start + CRON_BATCH_SIZE]
            batch._send_reminder_mails()
            if in_cron:
                self.env["ir.cron"]._commit_progress(
                    len(batch), remaining=len(reminders) - start - len(batch)
                )

    def _send_reminder_mails(self):
        template = self.env.ref("customer_portal_events.mail_template_portal_reminder")
        for reminder in self:
            try:
                with self.env.cr.savepoint():
                    template.send_mail(reminder.id, email_layout_xmlid="mail.mail_notification_light")
                    reminder.sent_on = fields.Datetime.now()
            except Exception:
                # One bad reminder (e.g. a user without e-mail) must not block the others.
                _logger.exception("Reminder %s could not be sent", reminder.id)

    def _target_url(self):
        self.ensure_one()
        return self.target_ref.access_url if self.target_ref else False
