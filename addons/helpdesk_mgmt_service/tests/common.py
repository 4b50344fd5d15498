from datetime import timedelta

from odoo import fields
from odoo.addons.contract_expiry.tests.common import ContractCase
from odoo.tests import new_test_user


class HelpdeskServiceCase(ContractCase):
    """ContractCase's customers A and B, each with a plant and a confirmed order, and a helpdesk agent who
    also plans interventions and sells."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.agent = new_test_user(
            cls.env,
            login="hd_agent",
            groups="helpdesk_mgmt.group_helpdesk_user,field_interventions.group_field_intervention_user,"
            "sales_team.group_sale_salesman_all_leads",
            name="Hilde Helpdesk",
            email="hd_agent@company.test",
        )
        Plant = cls.env["field.plant"]
        cls.plant_a = Plant.create({"name": "Boiler A", "partner_id": cls.customer_a.id})
        cls.plant_b = Plant.create({"name": "Boiler B", "partner_id": cls.customer_b.id})
        cls.order_b = cls.env["sale.order"].create(
            {
                "partner_id": cls.customer_b.id,
                "order_line": [fields.Command.create({"product_id": cls.service.id})],
            }
        )
        start = fields.Datetime.now() + timedelta(days=3)
        cls.intervention_b = cls.env["field.intervention"].create(
            {"partner_id": cls.customer_b.id, "date_start": start, "date_end": start + timedelta(hours=1)}
        )

    @classmethod
    def _ticket(cls, partner=None, **vals):
        values = {
            "name": "Boiler does not start",
            "description": "<p>Error E42 since this morning.</p>",
            "partner_id": (partner or cls.portal_user_a.partner_id).id,
        }
        values.update(vals)
        return cls.env["helpdesk.ticket"].create(values)

    @classmethod
    def _assistance_contract(cls, partner=None, hours=5.0, **vals):
        values = {"title": "Software assistance", "kind": "software", "assistance_hours": hours}
        values.update(vals)
        return cls._signed_contract(partner, **values)
