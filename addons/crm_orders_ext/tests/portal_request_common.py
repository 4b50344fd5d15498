from odoo.addons.customer_portal_base.tests.common import PortalCustomersCase
from odoo.fields import Command
from odoo.http import Request
from odoo.tests import HttpCase


class PortalRequestCase(PortalCustomersCase, HttpCase):
    """Customers A and B of the portal base, orderable products and A's pricelist and salesperson."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # pricelists on, as in Sales > Configuration > Settings > Pricelists
        cls.env.ref("base.group_user").write(
            {"implied_ids": [Command.link(cls.env.ref("product.group_product_pricelist").id)]}
        )
        Product = cls.env["product.product"]
        cls.boiler_check = Product.create(
            {"name": "Boiler check", "type": "service", "list_price": 120.0, "portal_orderable": True}
        )
        cls.filter_kit = Product.create(
            {"name": "Filter kit", "type": "consu", "list_price": 30.0, "portal_orderable": True}
        )
        cls.internal_audit = Product.create(
            {"name": "Internal audit", "type": "service", "list_price": 500.0}
        )
        cls.pricelist_a = cls.env["product.pricelist"].create(
            {
                "name": "Alfa agreed prices",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "1_product",
                            "product_tmpl_id": cls.boiler_check.product_tmpl_id.id,
                            "compute_price": "fixed",
                            "fixed_price": 90.0,
                        }
                    )
                ],
            }
        )
        cls.customer_a.write({"user_id": cls.salesman.id, "property_product_pricelist": cls.pricelist_a.id})

    def _post_request(self, lines=(), text="", wished_date="", files=None, **extra):
        data = [("csrf_token", Request.csrf_token(self)), ("text", text), ("wished_date", wished_date)]
        for product, quantity in lines:
            data += [("product_id", str(product)), ("quantity", str(quantity))]
        data += list(extra.items())
        return self.url_open("/my/orders/request", data=data, files=files, allow_redirects=False)

    def _requests_of(self, customer):
        return self.env["sale.order"].search(
            [("partner_id", "=", customer.id), ("portal_request", "=", True)]
        )


class PortalDraftRequestCase(PortalRequestCase):
    """Plus a second contact of A with reserved-area access (portal_a3) and a draft request of A's
    first contact, with its token: what the privacy tests try to reach."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user_a3 = cls._new_portal_user("portal_a3", cls.customer_a, reserved=True)
        cls.request_a = cls.env["sale.order"]._portal_create_request(
            cls.portal_user_a.partner_id, [(cls.boiler_check.id, 1.0)], text="Alfa secret request"
        )
        cls.request_a._portal_ensure_token()
