from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import HelpdeskServiceCase


@tagged("post_install", "-at_install")
class TestTicketLinks(HelpdeskServiceCase):
    def test_links_of_the_customer_accepted(self):
        contract = self._assistance_contract()
        ticket = self._ticket(
            sale_order_id=self.order_a.id, contract_id=contract.id, plant_id=self.plant_a.id
        )
        self.assertEqual(ticket.sale_order_id, self.order_a)
        self.assertEqual(ticket.contract_id, contract)
        self.assertEqual(ticket.plant_id, self.plant_a)
        self.assertEqual(self.order_a.helpdesk_ticket_ids, ticket)

    def test_links_of_another_customer_refused(self):
        contract_b = self._assistance_contract(self.portal_user_b.partner_id)
        ticket = self._ticket()
        for field, record in (
            ("sale_order_id", self.order_b),
            ("contract_id", contract_b),
            ("plant_id", self.plant_b),
            ("intervention_id", self.intervention_b),
        ):
            with self.subTest(field=field), self.assertRaises(ValidationError):
                ticket.write({field: record.id})
        self.assertFalse(ticket.sale_order_id or ticket.plant_id or ticket.intervention_id)
        with self.assertRaises(ValidationError):
            self._ticket(plant_id=self.plant_b.id)
        with self.assertRaises(ValidationError):
            self._ticket(partner_id=False, plant_id=self.plant_a.id)

    def test_changing_the_customer_keeps_no_foreign_link(self):
        ticket = self._ticket(plant_id=self.plant_a.id)
        with self.assertRaises(ValidationError):
            ticket.partner_id = self.portal_user_b.partner_id

    def test_contract_defaults_to_the_running_assistance_contract(self):
        self._signed_contract(title="Maintenance", kind="service")
        assistance = self._assistance_contract()
        self.assertEqual(self._ticket().contract_id, assistance)
        self.assertFalse(self._ticket(self.portal_user_b.partner_id).contract_id)

    def test_intervention_from_ticket(self):
        ticket = self._ticket(plant_id=self.plant_a.id).with_user(self.agent)
        action = ticket.action_create_intervention()
        intervention = ticket.intervention_id
        self.assertEqual(action["res_id"], intervention.id)
        self.assertEqual(intervention.partner_id, self.customer_a)
        self.assertEqual(intervention.contact_id, self.portal_user_a.partner_id)
        self.assertEqual(intervention.plant_ids, self.plant_a)
        self.assertEqual(intervention.state, "draft")
        self.assertIn("Error E42", intervention.request_description)
        self.assertEqual(intervention.helpdesk_ticket_ids, ticket)
        self.assertEqual(intervention.helpdesk_ticket_count, 1)
        self.assertEqual(ticket.intervention_state, "draft")
        intervention.action_plan()
        self.assertEqual(ticket.intervention_state, "planned")
        with self.assertRaises(UserError):
            ticket.action_create_intervention()
        self.assertEqual(
            self.env["field.intervention"].search_count([("partner_id", "=", self.customer_a.id)]), 1
        )

    def test_intervention_needs_a_customer(self):
        ticket = self._ticket(partner_id=False)
        with self.assertRaises(UserError):
            ticket.with_user(self.agent).action_create_intervention()
