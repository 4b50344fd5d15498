from odoo import http
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import HelpdeskServiceCase


@tagged("post_install", "-at_install")
class TestTicketPortal(HelpdeskServiceCase, HttpCase):
    """helpdesk_mgmt's portal pages from the customer's side: reserved area only, own documents only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ticket_a = cls._ticket(name="Alfa heating ticket")
        cls.ticket_b = cls._ticket(cls.portal_user_b.partner_id, name="Beta cooling ticket")
        cls.contract_b = cls._assistance_contract(cls.portal_user_b.partner_id)

    def _submit(self, **values):
        data = {
            "csrf_token": http.Request.csrf_token(self),
            "subject": "Portal ticket with links",
            "description": "It leaks.",
        }
        data.update(values)
        return self.url_open("/submitted/ticket", data=data)

    def _portal_tickets(self):
        return self.env["helpdesk.ticket"].search([("name", "=", "Portal ticket with links")])

    def test_own_ticket_yes_another_customers_no(self):
        self.authenticate("portal_a", "portal_a")
        page = self.url_open(f"/my/ticket/{self.ticket_a.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Alfa heating ticket", page.text)
        page = self.url_open(f"/my/ticket/{self.ticket_b.id}")
        self.assertTrue(page.url.endswith("/my"), page.url)
        self.assertNotIn("Beta cooling ticket", page.text)
        listing = self.url_open("/my/tickets")
        self.assertIn("Alfa heating ticket", listing.text)
        self.assertNotIn("Beta cooling ticket", listing.text)

    @mute_logger("odoo.http")
    def test_contact_without_reserved_area_sees_no_ticket(self):
        portal_a2 = self.portal_user_a2
        self.assertFalse(self.env["helpdesk.ticket"].with_user(portal_a2).search_count([]))
        self.authenticate("portal_a2", "portal_a2")
        page = self.url_open(f"/my/ticket/{self.ticket_a.id}")
        self.assertTrue(page.url.endswith("/my"), page.url)
        self.assertNotIn("Alfa heating ticket", self.url_open("/my/tickets").text)
        self.assertEqual(self.url_open("/new/ticket").status_code, 403)
        self.assertEqual(self._submit().status_code, 403)
        self.assertFalse(self._portal_tickets())

    def test_new_ticket_form_offers_own_documents_only(self):
        self.authenticate("portal_a", "portal_a")
        page = self.url_open("/new/ticket")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.order_a.name, page.text)
        self.assertIn("Boiler A", page.text)
        self.assertNotIn(self.order_b.name, page.text)
        self.assertNotIn("Boiler B", page.text)
        self.assertNotIn(self.contract_b.name, page.text)

    def test_submit_with_own_order_and_plant(self):
        contract = self._assistance_contract()
        self.authenticate("portal_a", "portal_a")
        response = self._submit(sale_order=self.order_a.id, plant=self.plant_a.id, contract=contract.id)
        self.assertEqual(response.status_code, 200)
        ticket = self._portal_tickets()
        self.assertEqual(len(ticket), 1)
        self.assertEqual(ticket.partner_id, self.portal_user_a.partner_id)
        self.assertEqual(
            (ticket.sale_order_id, ticket.plant_id, ticket.contract_id),
            (self.order_a, self.plant_a, contract),
        )
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertIn(self.order_a.name, page.text)

    @mute_logger("odoo.http")
    def test_foreign_order_contract_plant_refused(self):
        self.authenticate("portal_a", "portal_a")
        for key, record in (
            ("sale_order", self.order_b),
            ("plant", self.plant_b),
            ("contract", self.contract_b),
        ):
            with self.subTest(key=key):
                response = self._submit(**{key: record.id})
                self.assertEqual(response.status_code, 400)
                self.assertFalse(self._portal_tickets())
        self.assertEqual(self._submit(plant="not-a-number").status_code, 400)
        self.assertFalse(self._portal_tickets())
