from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .test_portal import InterventionsPortalCase


@tagged("post_install", "-at_install")
class TestInterventionSignTour(InterventionsPortalCase):
    def test_customer_signs_from_the_link(self):
        self.contact_a.intervention_sheet_copy = True
        self.intervention_a.action_ask_signature()
        link = self.intervention_a.get_portal_url()
        self.start_tour(link, "field_intervention_sign")
        self.assertEqual(self.intervention_a.state, "signed")
        self.assertEqual(self.intervention_a.signed_by, "Anna Alfa")
        self.assertTrue(self.intervention_a.signed_pdf_id)
        self.assertNotIn(self.intervention_a.access_token, link, "the link worked once")
        copy = self.intervention_a.message_ids.filtered(lambda m: self.contact_a in m.partner_ids)
        self.assertIn(self.intervention_a.signed_pdf_id, copy.attachment_ids)

    def test_technician_has_the_report_signed_on_site(self):
        self.start_tour(
            "/odoo/action-field_interventions.action_field_intervention",
            "field_intervention_sign_on_site",
            login="technician",
        )
        self.assertEqual(self.intervention_a.state, "signed")
        self.assertEqual(self.intervention_a.signed_by, "Carla Cliente")
        self.assertTrue(self.intervention_a.signed_pdf_id)
        self.assertEqual(self.intervention_b.state, "done")


@tagged("post_install", "-at_install")
class TestTechnicianPhoneTour(InterventionsPortalCase):
    browser_size = "390x844"

    def test_technicians_day_on_a_phone(self):
        now = fields.Datetime.now().replace(microsecond=0)
        today = self._intervention(
            start=now - timedelta(minutes=30), contact_id=self.contact_a.id, report=False
        )
        self._intervention(customer=self.customer_b, start=now + timedelta(days=3))
        self.start_tour(
            "/odoo/action-field_interventions.action_field_intervention_today",
            "field_intervention_phone_day",
            login="technician",
        )
        self.assertEqual(today.state, "signed")
        self.assertEqual(today.signed_by, "Carla Cliente")
        self.assertIn("ignition electrode", today.report)
        self.assertEqual(today.line_ids.mapped("name"), ["Ignition electrode"])
        self.assertTrue(today.signed_pdf_id)
