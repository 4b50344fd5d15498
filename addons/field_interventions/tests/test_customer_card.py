from datetime import timedelta

from odoo.tests import Form, tagged

from .common import InterventionsCase


@tagged("post_install", "-at_install")
class TestCustomerCard(InterventionsCase):
    def test_interventions_smart_button(self):
        mine = self._intervention() | self._intervention()
        self._intervention(customer=self.customer_b)
        self.assertEqual(self.customer_a.field_intervention_count, 2)
        action = self.customer_a.action_view_field_interventions()
        self.assertEqual(self.env["field.intervention"].search(action["domain"]), mine)
        self.assertEqual(action["context"]["default_partner_id"], self.customer_a.id)
        # From a contact's card: its customer's interventions.
        action = self.contact_a.action_view_field_interventions()
        self.assertEqual(self.env["field.intervention"].search(action["domain"]), mine)
        arch = self.env["res.partner"].get_view(view_type="form")["arch"]
        self.assertIn('name="action_view_field_interventions"', arch)

    def test_interventions_tab_creates_and_opens(self):
        start = self._intervention().date_start
        with Form(self.customer_a) as card:
            with card.field_intervention_ids.new() as intervention:
                intervention.site_id = self.site_a
                intervention.date_start = start
                intervention.date_end = start + timedelta(hours=2)
                intervention.kind = "repair"
        created = self.customer_a.field_intervention_ids.filtered(lambda i: i.kind == "repair")
        self.assertEqual(len(created), 1)
        self.assertEqual(created.partner_id, self.customer_a)
        self.assertEqual(created.action_open_form()["res_id"], created.id)

    def test_flags_need_reserved_area(self):
        """Reminders and signed sheets go only to contacts with reserved-area access: without it the
        options cannot be ticked, and the card says why."""
        with Form(self.contact_a2) as contact:
            self.assertFalse(contact.portal_reserved_area)
            with self.assertRaises(AssertionError):
                contact.intervention_reminder = True
            with self.assertRaises(AssertionError):
                contact.intervention_sheet_copy = True
        with Form(self.contact_a) as contact:
            contact.intervention_reminder = True
            contact.intervention_sheet_copy = True
        self.assertTrue(self.contact_a.intervention_reminder and self.contact_a.intervention_sheet_copy)
        arch = self.env["res.partner"].get_view(view_type="form")["arch"]
        self.assertIn("o_field_intervention_flags_hint", arch)
        self.assertIn("need reserved-area access", arch)
        # A flag set anyway (e.g. by an import) is not used without the access.
        self.contact_a2.intervention_reminder = True
        intervention = self._intervention()
        self.assertNotIn(self.contact_a2, intervention._reminder_recipients())
        self.assertIn("reserved-area access", self.contact_a2._fields["intervention_reminder"].help)
