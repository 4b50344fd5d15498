from datetime import timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.http import Request
from odoo.tests import tagged
from odoo.tools import mute_logger

from .order_page_common import OrderPageCase


@tagged("post_install", "-at_install")
class TestReminders(OrderPageCase):
    def _create(self, user, **vals):
        vals.setdefault("name", "Call the office")
        vals.setdefault("date_remind", fields.Datetime.now() + timedelta(days=1))
        return self.env["portal.reminder"].with_user(user).create(vals)

    def _mails(self, reminder):
        return (
            self.env["mail.mail"]
            .sudo()
            .search([("model", "=", "portal.reminder"), ("res_id", "=", reminder.id)])
        )

    @mute_logger("odoo.addons.base.models.ir_rule")
    def test_own_reminders_only(self):
        mine = self._create(self.portal_user_a, target_ref=f"sale.order,{self.order_a.id}")
        Reminder = self.env["portal.reminder"]
        self.assertEqual(Reminder.with_user(self.portal_user_a).search([]), mine)
        self.assertFalse(Reminder.with_user(self.portal_user_b).search([]))
        theirs = mine.with_user(self.portal_user_b)
        with self.assertRaises(AccessError):
            theirs.read(["name"])
        with self.assertRaises(AccessError):
            theirs.write({"name": "hacked"})
        with self.assertRaises(AccessError):
            theirs.unlink()
        with self.assertRaises(AccessError):
            Reminder.with_user(self.portal_user_b).create(
                {"name": "x", "date_remind": "2030-01-01", "user_id": self.portal_user_a.id}
            )
        self.assertEqual(mine.name, "Call the office")

    def test_link_only_to_own_orders(self):
        with self.assertRaises(ValidationError):
            self._create(self.portal_user_b, target_ref=f"sale.order,{self.order_a.id}")
        self.assertTrue(self._create(self.portal_user_a, target_ref=f"sale.order,{self.order_a.id}"))

    def test_sent_once_at_its_time(self):
        due = self._create(self.portal_user_a, date_remind=fields.Datetime.now() - timedelta(minutes=1))
        later = self._create(self.portal_user_a, name="Later")
        Reminder = self.env["portal.reminder"]
        Reminder._cron_send_due_reminders()
        self.assertEqual(len(self._mails(due)), 1)
        self.assertIn(self.portal_user_a.partner_id, self._mails(due).recipient_ids)
        self.assertTrue(due.sent_on)
        self.assertFalse(self._mails(later))
        Reminder._cron_send_due_reminders()
        self.assertEqual(len(self._mails(due)), 1, "sent once")
        # Saving the same date sends nothing more; a new date is a new reminder.
        due.with_user(self.portal_user_a).write({"name": "Renamed", "date_remind": due.date_remind})
        self.assertTrue(due.sent_on)
        due.with_user(self.portal_user_a).date_remind = fields.Datetime.now() - timedelta(seconds=1)
        self.assertFalse(due.sent_on)
        Reminder._cron_send_due_reminders()
        self.assertEqual(len(self._mails(due)), 2)

    def test_one_bad_reminder_does_not_stop_the_others(self):
        past = fields.Datetime.now() - timedelta(minutes=5)
        first = self._create(self.portal_user_a, name="First", date_remind=past)
        broken = self._create(self.portal_user_a, name="Broken", date_remind=past + timedelta(minutes=1))
        last = self._create(self.portal_user_b, name="Last", date_remind=past + timedelta(minutes=2))
        template = self.env.ref("customer_portal_events.mail_template_portal_reminder")
        send_mail = type(template).send_mail

        def send_but_broken(template, res_id, **kwargs):
            if res_id == broken.id:
                raise ValueError("no way to e-mail this one")
            return send_mail(template, res_id, **kwargs)

        with (
            patch.object(type(template), "send_mail", send_but_broken),
            mute_logger("odoo.addons.customer_portal_base.tools.cron"),
        ):
            self.env["portal.reminder"]._cron_send_due_reminders()
        self.assertTrue(first.sent_on)
        self.assertTrue(last.sent_on)
        self.assertEqual(len(self._mails(first) | self._mails(last)), 2)
        self.assertFalse(broken.sent_on, "left for the next run")
        self.assertFalse(self._mails(broken))

    def test_revoked_user_gets_no_reminder(self):
        due = self._create(self.portal_user_a, date_remind=fields.Datetime.now() - timedelta(minutes=1))
        contact = self.portal_user_a.partner_id
        wizard = self.env["portal.wizard"].create({"partner_ids": [Command.set(contact.ids)]})
        wizard.user_ids.action_revoke_access()
        self.assertFalse(self.portal_user_a.active)
        self.env["portal.reminder"]._cron_send_due_reminders()
        self.assertFalse(self._mails(due), "a revoked user is e-mailed nothing")
        self.assertFalse(due.sent_on)
        # Out of the portal group but still active: nothing either.
        public = self.env.ref("base.group_public")
        self.portal_user_a.write({"active": True, "group_ids": [Command.set(public.ids)]})
        self.env["portal.reminder"]._cron_send_due_reminders()
        self.assertFalse(self._mails(due))

    def test_cron_is_registered(self):
        cron = self.env.ref("customer_portal_events.ir_cron_send_portal_reminders")
        self.assertEqual(cron.model_id.model, "portal.reminder")
        self.assertTrue(cron.active)

    def test_portal_list_create_edit_delete(self):
        self.authenticate("portal_a", "portal_a")
        csrf = Request.csrf_token(self)
        created = self.url_open(
            "/my/reminders/new",
            data={
                "csrf_token": csrf,
                "name": "Check the boiler",
                "date_remind": "2030-05-01T09:30",
                "order_id": str(self.order_a.id),
                "note": "bring the manual",
            },
            allow_redirects=False,
        )
        self.assertEqual(created.status_code, 303)
        reminder = self.env["portal.reminder"].search([("user_id", "=", self.portal_user_a.id)])
        self.assertEqual(reminder.name, "Check the boiler")
        self.assertEqual(reminder.target_ref, self.order_a)
        listing = self.url_open("/my/reminders")
        self.assertIn("Check the boiler", listing.text)
        self.assertIn("/my/reminders", self.url_open("/my").text, "the portal home links the reminders")

        edited = self.url_open(
            f"/my/reminders/{reminder.id}/edit",
            data={"csrf_token": csrf, "name": "Check the boiler again", "date_remind": "2030-05-02T09:30"},
            allow_redirects=False,
        )
        self.assertEqual(edited.status_code, 303)
        self.assertEqual(reminder.name, "Check the boiler again")
        self.assertFalse(reminder.target_ref)

        bad = self.url_open(
            f"/my/reminders/{reminder.id}/edit", data={"csrf_token": csrf, "name": "", "date_remind": "soon"}
        )
        self.assertEqual(bad.status_code, 400)
        self.assertEqual(reminder.name, "Check the boiler again", "nothing lost")

        other_order = self.env["sale.order"].create({"partner_id": self.customer_b.id})
        foreign = self.url_open(
            "/my/reminders/new",
            data={
                "csrf_token": csrf,
                "name": "x",
                "date_remind": "2030-05-02T09:30",
                "order_id": str(other_order.id),
            },
        )
        self.assertEqual(foreign.status_code, 400)

        deleted = self.url_open(
            f"/my/reminders/{reminder.id}/delete", data={"csrf_token": csrf}, allow_redirects=False
        )
        self.assertEqual(deleted.status_code, 303)
        self.assertFalse(reminder.exists())
