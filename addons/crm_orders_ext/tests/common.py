from odoo.addons.customer_portal_base.tests.common import TEST_CONTEXT
from odoo.fields import Command
from odoo.tests import TransactionCase, new_test_user

SALESMAN_GROUPS = (
    "sales_team.group_sale_salesman_all_leads,hr_timesheet.group_hr_timesheet_user,project.group_project_user"
)


class OrdersCommon(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # tracking stays on: the order's timeline is made of its tracked changes
        cls.env = cls.env(
            context={**cls.env.context, **TEST_CONTEXT, "mail_notrack": False, "tracking_disable": False}
        )
        cls.company = cls.env.company
        cls.salesman = new_test_user(
            cls.env, login="crm_salesman", groups=SALESMAN_GROUPS, name="Sally Salesman", tz="Europe/Rome"
        )
        cls.colleague = new_test_user(
            cls.env, login="crm_colleague", groups="base.group_user", name="Carl Colleague"
        )
        cls.env["hr.employee"].create(
            [
                {"name": "Sally Salesman", "user_id": cls.salesman.id},
                {"name": "Carl Colleague", "user_id": cls.colleague.id},
            ]
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Rossi Servizi Srl", "is_company": True, "email": "info@rossi.example.com"}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Mario Rossi", "parent_id": cls.customer.id, "email": "mario@rossi.example.com"}
        )
        cls.project = cls.env["project.project"].create(
            {"name": "Rossi support", "allow_timesheets": True, "allow_billable": True}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Consulting hour",
                "type": "service",
                "list_price": 100.0,
                "invoice_policy": "order",
                "taxes_id": False,
            }
        )

    @classmethod
    def _create_order(cls, partner=None, qty=1.0, user=None):
        env = cls.env(user=user) if user else cls.env
        return env["sale.order"].create(
            {
                "partner_id": (partner or cls.customer).id,
                "order_line": [
                    Command.create(
                        {"product_id": cls.product.id, "product_uom_qty": qty, "price_unit": 100.0}
                    )
                ],
            }
        )
