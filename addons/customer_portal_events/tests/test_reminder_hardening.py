from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.http import Request
from odoo.tests import JsonRpcException, new_test_user, tagged
from odoo.tools import mute_logger

from .order_page_common import OrderPageCase


@tagged("post_install", "-at_install")
class TestReminderHardening(OrderPageCase):
    """A reminder is e-mailed from the company's address: only server code sets whose it is or its
    sending state, contacts without reserved area write none, and there are only so many."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.victim = new_test_user(cls.env, login="victim", groups="base.group_user", email="v@x.test")
        cls.Reminder = cls.env["portal.reminder"]

    def _vals(self, **vals):
        vals.setdefault("name", "Call the office")
        vals.setdefault("date_remind", fields.Datetime.now() + timedelta(days=1))
        return vals

    def _victim_mails(self):
        return self.env["mail.mail"].sudo().search([("recipient_ids", "in", self.victim.partner_id.ids)])

    def _rpc_vals(self, **vals):
        vals = self._vals(**vals)
        vals["date_remind"] = fields.Datetime.to_string(vals["date_remind"])
        return vals

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_nobody_hands_a_reminder_to_someone_else(self):
        mine = self.Reminder.with_user(self.portal_user_a).create(self._vals(name="Buy this now"))
        for user in (self.portal_user_a, self.salesman):
            with self.subTest(user=user.login):
                Reminder = self.Reminder.with_user(user)
                with self.assertRaises(AccessError):
                    Reminder.create(self._vals(user_id=self.victim.id))
                # a default sent in the client's context is a value like any other
                with self.assertRaises(AccessError):
                    Reminder.with_context(default_user_id=self.victim.id).create(self._vals())
        with self.assertRaises(AccessError):
            mine.with_user(self.portal_user_a).write({"user_id": self.victim.id})
        with self.assertRaises(AccessError):
            mine.with_user(self.portal_user_a).write({"name": "Renamed", "user_id": self.victim.id})
        self.assertEqual(mine.user_id, self.portal_user_a)
        self.assertEqual(mine.name, "Buy this now", "nothing written half-way")
        self.assertFalse(self.Reminder.search([("user_id", "=", self.victim.id)]))
        mine.date_remind = fields.Datetime.now() - timedelta(minutes=1)
        self.Reminder._cron_send_due_reminders()
        self.assertFalse(self._victim_mails())

    def test_sending_state_and_other_fields_are_not_the_users(self):
        Reminder = self.Reminder.with_user(self.portal_user_a)
        with self.assertRaises(AccessError):
            Reminder.create(self._vals(sent_on=fields.Datetime.now()))
        mine = Reminder.create(self._vals(date_remind=fields.Datetime.now() - timedelta(minutes=1)))
        with self.assertRaises(AccessError):
            mine.write({"sent_on": fields.Datetime.now()})
        self.assertFalse(mine.sent_on)
        # their own user_id, written again, is no change: accepted
        mine.write({"user_id": self.portal_user_a.id, "note": "bring the manual"})
        self.assertEqual(mine.note, "bring the manual")

    def test_server_code_may_set_the_user(self):
        reminder = (
            self.Reminder.with_user(self.salesman).sudo().create(self._vals(user_id=self.portal_user_a.id))
        )
        self.assertEqual(reminder.user_id, self.portal_user_a)

    @mute_logger("odoo.http")
    def test_jsonrpc_cannot_retarget_a_reminder(self):
        self.authenticate("portal_a", "portal_a")
        reminder_id = self._call_kw("portal.reminder", "create", [self._rpc_vals(name="Mine")])
        reminder_id = reminder_id[0] if isinstance(reminder_id, list) else reminder_id
        reminder = self.Reminder.browse(reminder_id)
        self.assertEqual(reminder.user_id, self.portal_user_a)
        with self.assertRaises(JsonRpcException) as refusal:
            self._call_kw("portal.reminder", "write", [[reminder_id], {"user_id": self.victim.id}])
        self.assertEqual(str(refusal.exception), "odoo.exceptions.AccessError")
        with self.assertRaises(JsonRpcException):
            self._call_kw(
                "portal.reminder",
                "create",
                [self._rpc_vals()],
                {"context": {"default_user_id": self.victim.id}},
            )
        with self.assertRaises(JsonRpcException):
            self._call_kw("portal.reminder", "create", [self._rpc_vals(user_id=self.victim.id)])
        self.assertEqual(reminder.user_id, self.portal_user_a)
        self.assertFalse(self.Reminder.search([("user_id", "=", self.victim.id)]))

    @mute_logger("odoo.http")
    def test_no_reserved_area_no_reminder(self):
        with self.assertRaises(AccessError):
            self.Reminder.with_user(self.portal_user_a2).create(self._vals())
        self.authenticate("portal_a2", "portal_a2")
        with self.assertRaises(JsonRpcException) as refusal:
            self._call_kw("portal.reminder", "create", [self._rpc_vals()])
        self.assertEqual(str(refusal.exception), "odoo.exceptions.AccessError")
        form = self.url_open(
            "/my/reminders/new",
            data={"csrf_token": Request.csrf_token(self), "name": "x", "date_remind": "2030-05-01T09:30"},
        )
        self.assertEqual(form.status_code, 403)
        self.assertFalse(self.Reminder.search([("user_id", "=", self.portal_user_a2.id)]))

    def test_pending_and_hourly_limits(self):
        Reminder = self.Reminder.with_user(self.portal_user_a)
        hourly = self.Reminder._MAX_CREATED_PER_HOUR
        Reminder.create([self._vals(name=f"R{i}") for i in range(hourly)])
        with self.assertRaises(UserError) as refusal:
            Reminder.create(self._vals(name="One too many"))
        self.assertIn("in the last hour", str(refusal.exception))
        self.assertEqual(Reminder.search_count([]), hourly)
        # an hour later: the pending limit still holds
        self.env.cr.execute(
            "UPDATE portal_reminder SET create_date = create_date - interval '2 hours' WHERE user_id = %s",
            [self.portal_user_a.id],
        )
        self.Reminder.create(
            [
                self._vals(name=f"Old {i}", user_id=self.portal_user_a.id)
                for i in range(self.Reminder._MAX_PENDING_PER_USER - hourly + 1)
            ]
        )
        self.env.cr.execute(
            "UPDATE portal_reminder SET create_date = create_date - interval '2 hours' WHERE user_id = %s",
            [self.portal_user_a.id],
        )
        with self.assertRaises(UserError) as refusal:
            Reminder.create(self._vals(name="One too many"))
        self.assertIn("reminders to come", str(refusal.exception))
        # a sent reminder moved to a new date is pending again: the same limit
        sent = Reminder.search([], limit=1)
        sent.sudo().sent_on = fields.Datetime.now()
        with self.assertRaises(UserError):
            sent.write({"date_remind": fields.Datetime.now() + timedelta(days=3)})
        self.assertTrue(sent.sent_on)

    def test_portal_form_shows_the_limit(self):
        self.Reminder.create(
            [
                self._vals(name=f"R{i}", user_id=self.portal_user_a.id)
                for i in range(self.Reminder._MAX_PENDING_PER_USER)
            ]
        )
        self.authenticate("portal_a", "portal_a")
        response = self.url_open(
            "/my/reminders/new",
            data={"csrf_token": Request.csrf_token(self), "name": "More", "date_remind": "2030-05-01T09:30"},
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("reminders to come", response.text)
        self.assertIn("More", response.text, "what was typed comes back")
