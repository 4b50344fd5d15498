from odoo import Command, fields
from odoo.addons.customer_portal_base.tests.common import PortalCustomersCase, signature_image_b64


class ContractCase(PortalCustomersCase):
    """Customers A and B of PortalCustomersCase, with A's first portal contact allowed to see contracts,
    a service sold to A on a confirmed order, and an administrative user for acceptance reports."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user_a.partner_id.portal_contracts_access = True
        cls.admin_user = cls._new_staff_user(
            "contract_admin",
            "contract_expiry.group_contract_admin,account.group_account_invoice",
            "Ada Admin",
        )
        cls.salesman.group_ids |= cls.env.ref("account.group_account_invoice")
        cls.service = cls.env["product.product"].create(
            {"name": "Plant maintenance", "type": "service", "list_price": 100.0}
        )
        cls.other_service = cls.env["product.product"].create(
            {"name": "Software assistance", "type": "service", "list_price": 50.0}
        )
        cls.goods = cls.env["product.product"].create(
            {"name": "Boiler", "type": "consu", "list_price": 900.0}
        )
        cls.order_a = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer_a.id,
                "user_id": cls.salesman.id,
                "order_line": [
                    Command.create({"product_id": cls.service.id, "product_uom_qty": 12, "price_unit": 80.0}),
                    Command.create({"product_id": cls.goods.id, "product_uom_qty": 1, "price_unit": 900.0}),
                ],
            }
        )
        cls.order_a.action_confirm()
        cls.today = fields.Date.context_today(cls.env["customer.contract"])

    @classmethod
    def _contract(cls, partner=None, **vals):
        values = {
            "title": "Heating maintenance",
            "partner_id": (partner or cls.portal_user_a.partner_id).id,
            "user_id": cls.salesman.id,
            "start_date": cls.today,
            "line_ids": [Command.create({"product_id": cls.service.id, "quantity": 2, "price_unit": 80.0})],
        }
        values.update(vals)
        return cls.env["customer.contract"].create(values)

    def _count_queries(self, func):
        """Queries run by `func`, counted as assertQueryCount counts them (flushes included)."""
        self.env.flush_all()
        self.env.cr.flush()
        count0 = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        self.env.cr.flush()
        return self.env.cr.sql_log_count - count0

    @classmethod
    def _signed_contract(cls, partner=None, **vals):
        contract = cls._contract(partner, **vals)
        contract._send_for_signature()
        contract._sign("Mario Rossi", signature_image_b64())
        return contract
