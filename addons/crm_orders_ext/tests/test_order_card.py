import json
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import OrdersCommon


@tagged("post_install", "-at_install")
class TestOrderCard(OrdersCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.order = cls._create_order(qty=2)
        cls.order.action_confirm()
        cls.order.project_id = cls.project
        cls.task = cls.env["project.task"].create({"name": "Install", "project_id": cls.project.id})

    def test_send_to_staff(self):
        wizard_action = self.order.with_user(self.salesman).action_send_to_staff()
        with Form(
            self.env[wizard_action["res_model"]]
            .with_user(self.salesman)
            .with_context(**wizard_action["context"])
        ) as form:
            form.user_ids.add(self.colleague)
            form.message = "Please attach the invoice"
        form.record.action_send()
        self.assertIn(self.colleague.partner_id, self.order.message_partner_ids)
        message = self.order.message_ids[0]
        self.assertIn("Please attach the invoice", message.body)
        self.assertIn(f'data-oe-model="sale.order" data-oe-id="{self.order.id}"', message.body)
        self.assertIn(self.colleague.partner_id, message.notification_ids.res_partner_id)

    def test_remind_me_popup_through_cron(self):
        now = fields.Datetime.now()
        with self.assertRaises(ValidationError):
            self.env["sale.order.reminder.wizard"].with_user(self.salesman).create(
                {"order_id": self.order.id, "remind_at": now - timedelta(minutes=1)}
            )
        wizard = (
            self.env["sale.order.reminder.wizard"]
            .with_user(self.salesman)
            .create({"order_id": self.order.id, "remind_at": now + timedelta(hours=2), "note": "Call Mario"})
        )
        wizard.action_confirm()
        activity = self.order.activity_ids.filtered(lambda a: a.reminder_at)
        self.assertEqual(activity.user_id, self.salesman)
        self.assertEqual(activity.summary, "Call Mario")
        cron = self.env.ref("crm_orders_ext.ir_cron_activity_reminder")
        self.assertTrue(
            self.env["ir.cron.trigger"].search(
                [("cron_id", "=", cron.id), ("call_at", "=", activity.reminder_at)]
            )
        )

        bus_domain = [("message", "ilike", "Call Mario")]
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.assertFalse(self.env["bus.bus"].search(bus_domain), "not due yet: no popup")

        with freeze_time(now + timedelta(hours=2, minutes=1)), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        notification = self.env["bus.bus"].search(bus_domain)
        self.assertEqual(len(notification), 1)
        payload = json.loads(notification.message)
        self.assertEqual(payload["type"], "simple_notification")
        self.assertEqual(json.loads(notification.channel)[1:], ["res.partner", self.salesman.partner_id.id])
        self.assertTrue(activity.reminder_sent)
        self.assertTrue(activity.active, "the reminder stays in the activities until done")

        with freeze_time(now + timedelta(hours=3)), self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.assertEqual(len(self.env["bus.bus"].search(bus_domain)), 1, "sent once")

    def test_timers_one_per_user(self):
        order = self.order.with_user(self.salesman)
        task = self.task.with_user(self.salesman)
        start = datetime(2026, 11, 24, 9, 0)
        with freeze_time(start):
            order.action_timer_start()
            self.assertTrue(order.timer_running)
        with freeze_time(start + timedelta(hours=1)):
            task.action_timer_start()  # stops the order's timer
            self.assertFalse(order.timer_running)
            self.assertTrue(task.timer_running)
            self.env["hr.timesheet.timer"].with_user(self.colleague).create({"order_id": self.order.id})
        with freeze_time(start + timedelta(hours=1, minutes=30)):
            task.action_timer_stop()
        lines = self.env["account.analytic.line"].search([("user_id", "=", self.salesman.id)], order="id")
        self.assertEqual(lines.mapped("unit_amount"), [1.0, 0.5])
        self.assertEqual(lines.project_id, self.project)
        self.assertEqual(lines[1].task_id, self.task)
        self.assertFalse(lines[0].task_id)
        # the test's own users only: demo data may leave a timer of another user running
        users = self.salesman | self.colleague
        timers = self.env["hr.timesheet.timer"].search([("user_id", "in", users.ids)])
        self.assertEqual(timers.user_id, self.colleague, "only the colleague's timer still runs")
        with self.assertRaises(UserError):
            task.action_timer_stop()

    def test_timer_over_midnight_is_split(self):
        order = self.order.with_user(self.salesman)
        # 22:00 to 01:30 in Rome (UTC+1 in November)
        with freeze_time(datetime(2026, 11, 24, 21, 0)):
            order.action_timer_start()
        with freeze_time(datetime(2026, 11, 25, 0, 30)):
            order.action_timer_stop()
        lines = self.env["account.analytic.line"].search([("user_id", "=", self.salesman.id)], order="date")
        self.assertEqual(
            [(str(line.date), line.unit_amount) for line in lines], [("2026-11-24", 2.0), ("2026-11-25", 1.5)]
        )

    def test_timer_needs_a_project(self):
        order = self._create_order()
        with self.assertRaises(UserError):
            order.with_user(self.salesman).action_timer_start()
        self.assertFalse(self.env["hr.timesheet.timer"].search([("user_id", "=", self.salesman.id)]))

    def test_timeline_from_tracking(self):
        order = self._create_order()
        # mail tracking is written at commit time, and not for records created in the same transaction
        self.env.cr.precommit.run()
        order.action_confirm()
        self.env.cr.precommit.run()
        order.invalidate_recordset(["timeline_html"])
        html = str(order.timeline_html)
        self.assertIn("Quotation created", html)
        self.assertIn("Sales Order", html)
        self.assertIn("Status", html)
        # Dates in the reader's language format, not ISO.
        self.env["res.lang"]._activate_lang("it_IT")
        stamp = fields.Datetime.from_string("2026-12-23 09:30:00")
        self.assertEqual(
            order.with_context(lang="it_IT", tz="UTC")._format_timeline_datetime(stamp), "23/12/2026 09:30:00"
        )

    def test_smart_buttons(self):
        invoice = self.order._create_invoices()
        invoice.action_post()
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        self.assertEqual(self.order.payment_count, 1)
        action = self.order.action_view_payments()
        self.assertEqual(self.env["account.payment"].search(action["domain"]).amount, 200)
        self.assertEqual(self.order.version_count, 0)

    def test_salesman_without_invoicing_rights_reads_the_order(self):
        # The payments button reads payment data: a plain salesperson must still open the order.
        self.assertFalse(self.salesman.has_group("account.group_account_invoice"))
        values = self.order.with_user(self.salesman).read()[0]
        self.assertNotIn("payment_count", values)
        self.assertEqual(values["name"], self.order.name)
