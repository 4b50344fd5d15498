from datetime import timedelta

from odoo import fields
from odoo.addons.customer_portal_base.tests.common import PortalCustomersCase, signature_image_b64  # noqa: F401


class InterventionsCase(PortalCustomersCase):
    """The suite's two customers, each with a site and a plant, a technician and a manager."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.technician = cls._new_staff_user(
            "technician", "field_interventions.group_field_intervention_user", "Tina Technician"
        )
        cls.manager = cls._new_staff_user(
            "fi_manager", "field_interventions.group_field_intervention_manager", "Mario Manager"
        )
        Partner = cls.env["res.partner"]
        cls.site_a = Partner.create(
            {"name": "Alfa plant Milano", "parent_id": cls.customer_a.id, "type": "other", "city": "Milano"}
        )
        cls.site_b = Partner.create(
            {"name": "Beta office Cluj", "parent_id": cls.customer_b.id, "type": "delivery", "city": "Cluj"}
        )
        Plant = cls.env["field.plant"]
        cls.plant_a = Plant.create(
            {
                "name": "Boiler",
                "partner_id": cls.customer_a.id,
                "site_id": cls.site_a.id,
                "plant_type": "heating",
                "brand": "Vaillant",
                "model_name": "ecoTEC",
                "serial_number": "VA-001",
            }
        )
        cls.plant_b = Plant.create(
            {
                "name": "Chiller",
                "partner_id": cls.customer_b.id,
                "site_id": cls.site_b.id,
                "plant_type": "cooling",
            }
        )
        cls.contact_a = cls.portal_user_a.partner_id
        cls.contact_a2 = cls.portal_user_a2.partner_id
        cls.contact_b = cls.portal_user_b.partner_id

    @classmethod
    def _intervention(cls, customer=None, site=None, start=None, **vals):
        customer = customer or cls.customer_a
        start = start or fields.Datetime.now().replace(microsecond=0) + timedelta(days=2)
        return cls.env["field.intervention"].create(
            {
                "partner_id": customer.id,
                "site_id": (site or (cls.site_a if customer == cls.customer_a else cls.site_b)).id,
                "date_start": start,
                "date_end": start + timedelta(hours=3),
                "user_ids": [fields.Command.set(cls.technician.ids)],
                "report": "<p>Boiler cleaned, flue checked.</p>",
                **vals,
            }
        )

    @classmethod
    def _done_intervention(cls, **vals):
        intervention = cls._intervention(**vals)
        intervention.write(
            {
                "line_ids": [
                    fields.Command.create({"line_type": "hours", "name": "Labour", "quantity": 2}),
                    fields.Command.create({"line_type": "material", "name": "Gasket", "quantity": 1}),
                ]
            }
        )
        intervention.action_start()
        intervention.action_done()
        return intervention


class RemindersCase(InterventionsCase):
    """Contacts of A asking for reminders, one of them without reserved area (never reminded), none at B."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact_a.intervention_reminder = True
        cls.contact_a2.intervention_reminder = True  # no reserved area: never reminded
        cls.contact_b.intervention_reminder = False

    def _mails(self, records):
        return self.env["mail.mail"].search([("model", "=", records._name), ("res_id", "in", records.ids)])
