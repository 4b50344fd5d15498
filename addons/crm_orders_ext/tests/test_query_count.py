from datetime import date, timedelta

from odoo.tests import Form, tagged

from .common import OrdersCommon


@tagged("post_install", "-at_install")
class TestFormQueries(OrdersCommon):
    """Opening the order and partner forms costs the same with 10 or 500 activities/timesheet lines."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.partner.bonus"].create({"partner_id": cls.customer.id, "name": "Loyalty", "value": 3})
        cls.env["res.partner.discount"].create({"partner_id": cls.customer.id, "value": 5, "threshold": 10})

    def _make_records(self, partner, order, count):
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        values = []
        for record in (partner, order):
            model_id = self.env["ir.model"]._get_id(record._name)
            values += [
                {
                    "res_model_id": model_id,
                    "res_id": record.id,
                    "activity_type_id": activity_type.id,
                    "user_id": self.salesman.id,
                    "summary": f"Activity {i}",
                    "date_deadline": date.today() + timedelta(days=i % 30),
                    "active": bool(i % 2),  # half of them done
                }
                for i in range(count)
            ]
        self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(values)
        self.env["account.analytic.line"].create(
            [
                {
                    "name": f"Work {i}",
                    "project_id": self.project.id,
                    "user_id": self.salesman.id,
                    "unit_amount": 0.5,
                }
                for i in range(count)
            ]
        )

    def _queries_to_open(self, record):
        record = record.with_user(self.salesman)
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        Form(record)
        return self.env.cr.sql_log_count - start

    def _new_case(self, name, count):
        partner = self.env["res.partner"].create(
            {"name": name, "is_company": True, "email": f"{name}@example.com"}
        )
        self.env["res.partner"].create({"name": f"{name} contact", "parent_id": partner.id})
        order = self._create_order(partner=partner, qty=3)
        order.action_confirm()
        order.project_id = self.project
        self._make_records(partner, order, count)
        return partner, order

    def test_order_and_partner_forms_stay_flat(self):
        small_partner, small_order = self._new_case("small", 10)
        big_partner, big_order = self._new_case("big", 500)
        # warm the view and ACL caches once
        self._queries_to_open(small_order)
        self._queries_to_open(small_partner)

        order_queries = self._queries_to_open(small_order)
        partner_queries = self._queries_to_open(small_partner)
        self.assertGreater(order_queries, 0)
        self.assertGreater(partner_queries, 0)
        self.env.invalidate_all()
        with self.assertQueryCount(order_queries):
            Form(big_order.with_user(self.salesman))
        self.env.invalidate_all()
        with self.assertQueryCount(partner_queries):
            Form(big_partner.with_user(self.salesman))
