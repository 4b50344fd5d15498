from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import OrdersCommon


@tagged("post_install", "-at_install")
class TestCustomerCard(OrdersCommon):
    def test_bonus_shown_on_orders_within_validity(self):
        today = date.today()
        valid, expired = self.env["res.partner.bonus"].create(
            [
                {
                    "partner_id": self.customer.id,
                    "name": "Loyalty",
                    "value": 5,
                    "date_start": today - timedelta(days=3),
                },
                {
                    "partner_id": self.customer.id,
                    "name": "Old promo",
                    "value_type": "amount",
                    "value": 50,
                    "date_end": today - timedelta(days=1),
                },
            ]
        )
        order = self._create_order(partner=self.contact)
        self.assertEqual(order.bonus_ids, valid, "the contact's order shows its company's valid bonus only")
        self.assertNotIn(expired, order.bonus_ids)
        self.assertFalse(order.order_line.filtered("partner_discount_id"), "bonuses are not applied")

    @mute_logger("odoo.sql_db")
    def test_bad_bonus_and_discount_values(self):
        Bonus = self.env["res.partner.bonus"]
        Discount = self.env["res.partner.discount"]
        for values in (
            {"value": -5},
            {"value": 0},
            {"value": 120},
            {"value": 5, "date_start": date(2026, 2, 1), "date_end": date(2026, 1, 1)},
        ):
            with self.subTest(values=values), self.assertRaises(ValidationError):
                Bonus.create({"partner_id": self.customer.id, "name": "Bad", **values})
        for values in (
            {"value": -10},
            {"value": 10, "threshold": -1},
            {"value_type": "amount", "value": 500, "threshold": 100},
        ):
            with self.subTest(values=values), self.assertRaises(ValidationError):
                Discount.create({"partner_id": self.customer.id, **values})
        self.assertFalse(Bonus.search([("partner_id", "=", self.customer.id)]))
        self.assertFalse(Discount.search([("partner_id", "=", self.customer.id)]))

    def test_discount_threshold_both_ways(self):
        self.env["res.partner.discount"].create(
            {"partner_id": self.customer.id, "value": 10, "threshold": 500}
        )
        order = self._create_order(qty=4)  # 400 < 500
        self.assertFalse(order.partner_discount_id)
        self.assertEqual(order.amount_untaxed, 400)

        order.order_line.product_uom_qty = 6  # 600 >= 500
        self.assertTrue(order.partner_discount_id)
        self.assertEqual(order.amount_untaxed, 540)
        self.assertEqual(len(order.order_line.filtered("partner_discount_id")), 1)

        order.write({"order_line": [Command.update(order.order_line[0].id, {"product_uom_qty": 8})]})
        self.assertEqual(order.amount_untaxed, 720, "the discount follows the new total")

        order.order_line.filtered(lambda line: not line.partner_discount_id).product_uom_qty = 2  # 200 < 500
        self.assertFalse(order.partner_discount_id)
        self.assertFalse(order.order_line.filtered("partner_discount_id"))
        self.assertEqual(order.amount_untaxed, 200)

    def test_best_discount_tier_and_fixed_amount(self):
        self.env["res.partner.discount"].create(
            [
                {"partner_id": self.customer.id, "value": 5, "threshold": 100},
                {"partner_id": self.customer.id, "value_type": "amount", "value": 100, "threshold": 1000},
            ]
        )
        order = self._create_order(qty=3)
        self.assertEqual(order.amount_untaxed, 285)
        order.order_line[0].product_uom_qty = 12
        self.assertEqual(order.partner_discount_id.value_type, "amount")
        self.assertEqual(order.amount_untaxed, 1100)
        # a new version starts from the same lines, with the discount rebuilt once
        order.action_new_version()
        new = self.env["sale.order"].search([("version_root_id", "=", order.id)])
        self.assertEqual(new.amount_untaxed, 1100)
        self.assertEqual(order.state, "cancel")
        self.assertEqual(new.version_count, 2)
        action = new.action_view_versions()
        self.assertEqual(self.env["sale.order"].search(action["domain"]), order | new)
        with self.assertRaises(UserError):
            order.action_new_version()

    def test_discount_not_touched_once_confirmed(self):
        self.env["res.partner.discount"].create(
            {"partner_id": self.customer.id, "value": 10, "threshold": 100}
        )
        order = self._create_order(qty=2)
        order.action_confirm()
        self.assertEqual(order.amount_untaxed, 180)
        order.order_line.filtered(lambda line: not line.partner_discount_id).product_uom_qty = 3
        self.assertEqual(len(order.order_line.filtered("partner_discount_id")), 1)

    def test_activity_in_calendar_kept_in_step(self):
        activity = self.customer.with_user(self.salesman).activity_schedule(
            "mail.mail_activity_data_call",
            date_deadline=date.today() + timedelta(days=2),
            summary="Call about renewal",
            user_id=self.colleague.id,
            in_calendar=True,
        )
        event = activity.calendar_event_id
        self.assertTrue(event)
        self.assertEqual(event.user_id, self.colleague)
        self.assertIn(self.colleague.partner_id, event.partner_ids)
        self.assertEqual(event.start_date, activity.date_deadline)
        self.assertEqual((event.res_model, event.res_id), ("res.partner", self.customer.id))

        activity.date_deadline = date.today() + timedelta(days=5)
        self.assertEqual(event.start_date, date.today() + timedelta(days=5))
        activity.user_id = self.salesman
        self.assertEqual(event.user_id, self.salesman)

        activity.action_done()
        self.assertTrue(event.exists())
        self.assertTrue(event.name.startswith("Done"))
        self.assertIn(activity, self.customer.all_activity_ids, "done activities stay on the card")

        planned = self.customer.activity_schedule("mail.mail_activity_data_todo", in_calendar=True)
        self.assertIn(planned, self.customer.all_activity_ids)
        planned_event = planned.calendar_event_id
        planned.unlink()
        self.assertFalse(planned_event.exists(), "a cancelled activity takes its event along")

    def test_activity_tick_from_the_form(self):
        with Form(
            self.env["mail.activity"].with_context(
                default_res_model="res.partner", default_res_id=self.customer.id
            ),
            view="mail.mail_activity_view_form_popup",
        ) as form:
            form.activity_type_id = self.env.ref("mail.mail_activity_data_call")
            form.summary = "Visit"
            form.in_calendar = True
        activity = form.record
        self.assertEqual(activity.calendar_event_id.name, "Visit")
        event = activity.calendar_event_id
        activity.in_calendar = False
        self.assertTrue(activity.exists(), "unticking removes the event, not the activity")
        self.assertFalse(activity.calendar_event_id)
        self.assertFalse(event.exists())

    def test_search_customer_by_name_or_email(self):
        Partner = self.env["res.partner"]
        arch = self.env.ref("base.view_res_partner_filter").arch
        self.assertIn("('email', 'ilike', self)", arch, "the default search field covers e-mails too")
        for term in ("Rossi Servizi", "info@rossi.example"):
            domain = [
                "|",
                "|",
                "|",
                "|",
                ("complete_name", "ilike", term),
                ("ref", "ilike", term),
                ("email", "ilike", term),
                ("vat", "ilike", term),
                ("company_registry", "ilike", term),
            ]
            self.assertIn(self.customer, Partner.search(domain))
            self.assertIn(self.customer, Partner.browse([r[0] for r in Partner.name_search(term)]))

    def test_new_order_from_contact(self):
        action = self.contact.with_user(self.salesman).action_new_order()
        self.assertEqual(action["res_model"], "sale.order")
        order_form = Form(self.env["sale.order"].with_user(self.salesman).with_context(**action["context"]))
        with order_form.order_line.new() as line:
            line.product_id = self.product
        order = order_form.save()
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.contact_person_id, self.contact)
        self.assertEqual(order.date_order.date(), fields.Date.today())
