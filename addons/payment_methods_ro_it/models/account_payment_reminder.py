import logging

from odoo import api, fields, models
from odoo.addons.customer_portal_base.tools.cron import run_batched
from odoo.exceptions import ValidationError
from odoo.tools import format_amount

_logger = logging.getLogger(__name__)

BATCH_SIZE = 100


class AccountPaymentReminder(models.Model):
    """An e-mail to a customer about an amount still to collect, sent once at the chosen time."""

    _name = "account.payment.reminder"
    _description = "Payment reminder"
    _order = "scheduled_at desc, id desc"
    _check_company_auto = True

    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        index="btree_not_null",
        ondelete="cascade",
        check_company=True,
        domain="[('move_type', '=', 'out_invoice'), ('state', '=', 'posted')]",
    )
    expected_payment_id = fields.Many2one(
        "account.expected.payment",
        index="btree_not_null",
        ondelete="cascade",
        check_company=True,
        string="Expected payment",
    )
    partner_id = fields.Many2one("res.partner", string="Customer", compute="_compute_partner_id", store=True)
    amount_due = fields.Monetary(compute="_compute_due", currency_field="currency_id", string="Amount due")
    currency_id = fields.Many2one("res.currency", compute="_compute_due")
    date_due = fields.Date(string="Due date", compute="_compute_due")
    pay_url = fields.Char(string="Payment link", compute="_compute_due")
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    scheduled_at = fields.Datetime(string="Send at", required=True)
    state = fields.Selection(
        [("scheduled", "Scheduled"), ("sent", "Sent"), ("skipped", "Not sent (paid)"), ("failed", "Failed")],
        default="scheduled",
        required=True,
        readonly=True,
        index=True,
    )
    sent_at = fields.Datetime(readonly=True, string="Sent at")
    error = fields.Text(readonly=True)

    _one_target = models.Constraint(
        "CHECK((move_id IS NULL) != (expected_payment_id IS NULL))",
        "A reminder is about one invoice or one expected payment.",
    )

    @api.depends("move_id.partner_id", "expected_payment_id.partner_id")
    def _compute_partner_id(self):
        for reminder in self:
            reminder.partner_id = reminder.move_id.partner_id or reminder.expected_payment_id.partner_id

    @api.depends(
        "move_id.amount_residual",
        "move_id.invoice_date_due",
        "expected_payment_id.amount",
        "expected_payment_id.date_due",
    )
    def _compute_due(self):
        for reminder in self:
            if reminder.move_id:
                move = reminder.move_id
                reminder.amount_due = move.amount_residual
                reminder.currency_id = move.currency_id
                reminder.date_due = move.invoice_date_due
                reminder.pay_url = move.get_base_url() + move.get_portal_url()
            else:
                expected = reminder.expected_payment_id
                reminder.amount_due = expected.amount
                reminder.currency_id = expected.currency_id
                reminder.date_due = expected.date_due
                reminder.pay_url = False

    @api.constrains("scheduled_at", "state")
    def _check_scheduled_at(self):
        now = fields.Datetime.now()
        for reminder in self.filtered(lambda r: r.state == "scheduled"):
            if reminder.scheduled_at < now:
                raise ValidationError(
                    self.env._("A reminder cannot be scheduled in the past (%s).", reminder.scheduled_at)
                )

    @api.model
    def _get_due_reminders_domain(self):
        return [("state", "=", "scheduled"), ("scheduled_at", "<=", fields.Datetime.now())]

    @api.model
    def _cron_send_reminders(self):
        run_batched(
            self,
            self._get_due_reminders_domain(),
            lambda reminders: reminders._send(),
            batch_size=BATCH_SIZE,
            on_error=lambda reminder, error: reminder._mark_failed(error),
        )

    def _send(self):
        template = self.env.ref("payment_methods_ro_it.mail_template_account_payment_reminder")
        for reminder in self:
            if reminder._is_settled():
                reminder.state = "skipped"
                continue
            template.send_mail(reminder.id)
            reminder._log_sent()
            reminder.write({"state": "sent", "sent_at": fields.Datetime.now()})

    def _mark_failed(self, error):
        """One bad reminder must not stop the others (run_batched rolled it back): noted, skipped."""
        _logger.warning("Payment reminder %s not sent: %s", self.id, error)
        self.write({"state": "failed", "error": str(error)})

    def _is_settled(self):
        self.ensure_one()
        if self.move_id:
            return (
                self.move_id.payment_state in ("paid", "in_payment", "reversed")
                or self.move_id.state != "posted"
            )
        return self.expected_payment_id.state != "open"

    def _log_sent(self):
        self.ensure_one()
        document = self.move_id or self.expected_payment_id
        document.message_post(
            body=self.env._(
                "Payment reminder e-mailed to %(partner)s: %(amount)s due on %(date)s.",
                partner=self.partner_id.display_name,
                amount=format_amount(self.env, self.amount_due, self.currency_id),
                date=self.date_due,
            ),
        )
