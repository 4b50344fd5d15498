from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestLeadToInvoiceTour(HttpCase):
    def test_lead_offer_order_invoice_tour(self):
        user = new_test_user(
            self.env,
            login="tour_salesman",
            password="tour_salesman",
            groups="sales_team.group_sale_salesman_all_leads,account.group_account_invoice",
            name="Tour Salesman",
        )
        self.env["product.product"].create(
            {"name": "Tour maintenance", "type": "service", "list_price": 80.0, "invoice_policy": "order"}
        )
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour maintenance request",
                "type": "opportunity",
                "partner_name": "Tour Impianti",
                "contact_name": "Tina Tour",
                "email_from": "tina@tour.example.com",
                "user_id": user.id,
            }
        )
        self.start_tour(f"/odoo/crm/{lead.id}", "crm_orders_ext_lead_to_invoice", login="tour_salesman")
        order = lead.order_ids
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.partner_id.name, "Tour Impianti")
        self.assertEqual(order.invoice_ids.invoice_line_ids.product_id.name, "Tour maintenance")
        self.assertEqual(lead.won_status, "won")
