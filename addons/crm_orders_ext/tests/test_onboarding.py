from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.fields import Command
from odoo.tests import tagged

from .common import OrdersCommon


@tagged("post_install", "-at_install")
class TestOnboardingAndServiceTags(OrdersCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["sale.onboarding.form"].search([]).active = False
        cls.forms = cls.env["sale.onboarding.form"].create([{"name": "Billing data"}, {"name": "Users list"}])
        cls.software = cls.env["product.product"].create(
            {"name": "ERP licence", "type": "service", "list_price": 900.0, "requires_onboarding": True}
        )
        cls.env["ir.config_parameter"].sudo().set_param("crm_orders_ext.onboarding_reminder_days", 3)
        cls.cron = cls.env.ref("crm_orders_ext.ir_cron_onboarding_reminder")

    def _run_cron(self):
        with self.enter_registry_test_mode():
            self.cron.method_direct_trigger()

    def test_checklist_reminded_every_n_days_until_complete(self):
        plain = self._create_order()
        plain.action_confirm()
        self.assertFalse(plain.onboarding_item_ids, "no checklist without a software product")

        order = self._create_order()
        order.write(
            {"user_id": self.salesman.id, "order_line": [Command.create({"product_id": self.software.id})]}
        )
        order.action_confirm()
        self.assertEqual(order.onboarding_item_ids.form_id, self.forms)
        self.assertEqual(self.customer.onboarding_item_ids, order.onboarding_item_ids)
        self.assertEqual(order.onboarding_missing_count, 2)

        # The cron's "today" is its user's (demo data gives users a time zone): near midnight UTC it is
        # already tomorrow in Rome.
        today = fields.Date.context_today(self.env["sale.order"].with_user(self.cron.user_id))
        self._run_cron()
        activity = order.onboarding_activity_id
        self.assertEqual(activity.user_id, self.salesman)
        self.assertIn("Billing data", activity.summary)

        with freeze_time(today + timedelta(days=1)):
            self._run_cron()
        self.assertEqual(order.onboarding_reminded_on, today, "not again before N days")

        order.onboarding_item_ids[0].received = True
        with freeze_time(today + timedelta(days=3)):
            self._run_cron()
        self.assertEqual(order.onboarding_activity_id, activity, "the open reminder is moved, not duplicated")
        self.assertEqual(activity.date_deadline, today + timedelta(days=3))
        self.assertNotIn("Billing data", activity.summary)

        order.onboarding_item_ids[1].received = True
        self.assertFalse(activity.active, "all forms in: the reminder is done")
        self.assertEqual(order.onboarding_item_ids[1].date_received, today)
        with freeze_time(today + timedelta(days=10)):
            self._run_cron()
        self.assertEqual(order.activity_ids, self.env["mail.activity"])

    def test_services_counted_by_tag(self):
        tag = self.env["product.tag"].create({"name": "Maintenance"})
        self.product.service_tag_id = tag
        for qty in (1, 2):
            self._create_order(qty=qty).action_confirm()
        self.env.flush_all()
        groups = self.env["sale.report"]._read_group(
            [("service_tag_id", "=", tag.id)],
            ["service_tag_id"],
            ["product_uom_qty:sum", "order_reference:count_distinct"],
        )
        self.assertEqual(groups, [(tag, 3.0, 2)])
