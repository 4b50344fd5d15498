from odoo.exceptions import AccessError
from odoo.fields import Command
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from .test_flow import SIGNATURE_PNG


@tagged("post_install", "-at_install")
class TestPortalAcceptance(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {
                "name": "Setup",
                "type": "service",
                "list_price": 250.0,
                "invoice_policy": "order",
                "taxes_id": False,
            }
        )
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "Assistenza annuale",
                "type": "opportunity",
                "partner_name": "Verdi Costruzioni",
                "contact_name": "Luca Verdi",
                "email_from": "luca@verdi.example.com",
            }
        )
        action = cls.lead.action_crm_create_offer()
        cls.order = cls.env["sale.order"].browse(action["res_id"])
        cls.order.write(
            {
                "require_signature": True,
                "require_payment": False,
                "order_line": [Command.create({"product_id": cls.product.id})],
            }
        )
        cls.order.action_quotation_sent()
        cls.portal_user = new_test_user(
            cls.env,
            login="verdi_portal",
            password="verdi_portal",
            groups="base.group_portal",
            partner_id=cls.order.contact_person_id.id,
        )
        other = cls.env["res.partner"].create({"name": "Neri SRL", "is_company": True})
        cls.other_lead = cls.env["crm.lead"].create(
            {"name": "Neri", "type": "opportunity", "partner_id": other.id}
        )
        cls.other_order = cls.env["sale.order"].create(
            {
                "partner_id": other.id,
                "opportunity_id": cls.other_lead.id,
                "require_signature": True,
                "order_line": [Command.create({"product_id": cls.product.id})],
            }
        )

    def test_portal_signature_makes_the_lead_a_customer(self):
        company = self.order.partner_id
        self.assertEqual(company.customer_rank, 0)
        self.authenticate("verdi_portal", "verdi_portal")
        response = self.url_open(f"/my/orders/{self.order.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.order.name, response.text)

        result = self.make_jsonrpc_request(
            f"/my/orders/{self.order.id}/accept", {"name": "Luca Verdi", "signature": SIGNATURE_PNG}
        )
        self.assertFalse(result.get("error"), result)
        self.assertEqual(self.order.state, "sale")
        self.assertEqual(self.lead.won_status, "won")
        self.assertTrue(company.is_company)
        self.assertEqual(company.name, "Verdi Costruzioni")
        self.assertEqual(self.lead.partner_id.parent_id, company)
        self.assertEqual(company.customer_rank, 1)

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.http")
    def test_other_customer_order_out_of_reach(self):
        self.authenticate("verdi_portal", "verdi_portal")
        response = self.url_open(f"/my/orders/{self.other_order.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith("/my"))
        result = self.make_jsonrpc_request(
            f"/my/orders/{self.other_order.id}/accept", {"name": "Intruder", "signature": SIGNATURE_PNG}
        )
        self.assertTrue(result.get("error"))
        self.assertFalse(self.other_order.signature)
        self.assertNotEqual(self.other_lead.won_status, "won")
        self.assertNotIn("Neri", self.url_open("/my/quotes").text)
        with self.assertRaises(AccessError):
            self.other_order.with_user(self.portal_user).read(["name"])
        with self.assertRaises(AccessError):
            self.env["res.partner.bonus"].with_user(self.portal_user).search([])
