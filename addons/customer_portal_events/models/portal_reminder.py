from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.customer_portal_base.tools.cron import run_batched
from odoo.exceptions import AccessError, UserError, ValidationError


class PortalReminder(models.Model):
    """A personal reminder a portal user writes for themselves; e-mailed at its date and time."""

    _name = "portal.reminder"
    _description = "Personal reminder"
    _order = "date_remind, id"

    # What a user may set on a reminder (only server code in sudo sets more): their own content, never
    # whose it is nor its sending state. Record rules run before a write, not after: values are checked.
    _USER_FIELDS = frozenset({"name", "date_remind", "note", "target_ref"})
    # Every reminder is an e-mail from the company's address: a sane number per user.
    _MAX_PENDING_PER_USER = 50
    _MAX_CREATED_PER_HOUR = 20

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
    # Optional link to one of the user's own orders.
    target_ref = fields.Reference(selection=[("sale.order", "Sales order")], string="Linked to")
    sent_on = fields.Datetime(string="Sent on", readonly=True, copy=False)

    # ------------------------------------------------------------
    # COMPUTE / CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("target_ref", "user_id")
    def _check_target_ref(self):
        for reminder in self:
            target = reminder.target_ref
            if not target:
                continue
            if target._name != "sale.order":
                raise ValidationError(self.env._("A reminder cannot be linked to this kind of document."))
            customer = target.sudo().partner_id.commercial_partner_id
            if reminder.user_id.share and customer != reminder.user_id.partner_id.commercial_partner_id:
                raise ValidationError(self.env._("You can only link a reminder to your own documents."))

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # Defaults from the context count too: call_kw passes the client's context.
            defaults = {
                key[8:]: value
                for key, value in self.env.context.items()
                if key.startswith("default_") and key[8:] in self._fields
            }
            for vals in vals_list:
                self._check_user_values({**defaults, **vals})
            self._check_user_limits(len(vals_list), len(vals_list))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._check_user_values(vals)
        if "date_remind" not in vals:
            return super().write(vals)
        # A new date means a new reminder to send; saving the same date again sends nothing.
        new_date = fields.Datetime.to_datetime(vals["date_remind"])
        moved = self.filtered(lambda r: r.date_remind != new_date)
        rearmed = moved.filtered("sent_on")
        if rearmed and not self.env.su:
            self._check_user_limits(len(rearmed), 0)
        res = super().write(vals)
        # sudo: the sending state is not the user's to write, moving the date resets it.
        rearmed.sudo().write({"sent_on": False})
        return res

    # ------------------------------------------------------------
    # CHECKS
    # ------------------------------------------------------------

    @api.model
    def _check_user_values(self, vals):
        """Refuse what a user may not write on a reminder: someone else's reminder, the sending state,
        or any reminder at all without reserved-area access."""
        user = self.env.user
        if not user._portal_area_allowed():
            raise AccessError(self.env._("Personal reminders need access to the reserved area."))
        forbidden = set(vals) - self._USER_FIELDS
        if "user_id" in vals and vals["user_id"] == user.id:
            forbidden.discard("user_id")
        if "user_id" in forbidden:
            raise AccessError(self.env._("A reminder can only be yours."))
        if forbidden:
            labels = sorted(
                self._fields[name]._description_string(self.env) if name in self._fields else name
                for name in forbidden
            )
            raise AccessError(
                self.env._("You cannot set %(fields)s on a reminder.", fields=", ".join(labels))
            )

    @api.model
    def _check_user_limits(self, new_pending, new_created):
        """Refuse `new_pending` more pending reminders (`new_created` of them new) over the limits."""
        Reminder = self.sudo()
        uid = self.env.uid
        pending = Reminder.search_count([("user_id", "=", uid), ("sent_on", "=", False)])
        if pending + new_pending > self._MAX_PENDING_PER_USER:
            raise UserError(
                self.env._(
                    "You already have %(count)s reminders to come: delete some before adding others.",
                    count=pending,
                )
            )
        if not new_created:
            return
        recent = Reminder.search_count(
            [("user_id", "=", uid), ("create_date", ">=", fields.Datetime.now() - timedelta(hours=1))]
        )
        if recent + new_created > self._MAX_CREATED_PER_HOUR:
            raise UserError(
                self.env._("You created %(count)s reminders in the last hour: try again later.", count=recent)
            )

    # ------------------------------------------------------------
    # CRON
    # ------------------------------------------------------------

    @api.model
    def _get_due_domain(self):
        return [
            ("sent_on", "=", False),
            ("date_remind", "<=", fields.Datetime.now()),
            ("user_id.active", "=", True),
        ]

    @api.model
    def _cron_send_due_reminders(self):
        """Send the due reminders, once each, a batch at a time (one bad reminder never stops the others).

        A user who lost the reserved area since (revoked with Odoo's portal wizard, archived, out of the
        portal group) gets nothing; the reminder waits, and goes out if access is granted again in time.
        """
        due = self.sudo().search(self._get_due_domain())
        to_send = due.filtered(lambda reminder: reminder.user_id._portal_area_allowed())
        run_batched(
            self.sudo(),
            [("id", "in", to_send.ids), ("sent_on", "=", False)],
            lambda reminders: reminders._send_reminder_mails(),
            order="date_remind, id",
        )

    def _send_reminder_mails(self):
        template = self.env.ref("customer_portal_events.mail_template_portal_reminder")
        for reminder in self:
            template.send_mail(reminder.id, email_layout_xmlid="mail.mail_notification_light")
        self.sent_on = fields.Datetime.now()

    def _target_url(self):
        self.ensure_one()
        return self.target_ref.access_url if self.target_ref else False
