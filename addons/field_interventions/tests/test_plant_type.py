from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import InterventionsCase


@tagged("post_install", "-at_install")
class TestPlantType(InterventionsCase):
    def _plant(self, company, category, **vals):
        customer = self.env["res.partner"].create(
            {"name": f"Customer of {company.name}", "company_id": company.id}
        )
        return (
            self.env["field.plant"]
            .with_company(company)
            .create({"name": "Plant", "partner_id": customer.id, "plant_type": category, **vals})
        )

    def test_legal_intervals_by_country(self):
        """A new plant gets its country's type for its category, with the law's interval."""
        italy = self.env["res.company"].create(
            {"name": "Impianti Srl", "country_id": self.env.ref("base.it").id}
        )
        romania = self.env["res.company"].create(
            {"name": "Instal SRL", "country_id": self.env.ref("base.ro").id}
        )
        cases = [
            (italy, "heating", "field_interventions.plant_type_it_gas_heat_generator", 48),
            (italy, "fire", "field_interventions.plant_type_it_fire_extinguisher", 6),
            (italy, "lift", "field_interventions.plant_type_it_lift", 24),
            (romania, "heating", "field_interventions.plant_type_ro_boiler", 24),
            (romania, "fire", "field_interventions.plant_type_fire", 6),
        ]
        for company, category, xmlid, months in cases:
            with self.subTest(company=company.name, category=category):
                plant = self._plant(company, category)
                self.assertEqual(plant.type_id, self.env.ref(xmlid))
                self.assertEqual(plant.legal_interval_months, months)
                plan = self.env["field.maintenance.plan"].create({"plant_id": plant.id})
                self.assertEqual(plan.effective_interval_months, months)

    def test_plan_follows_the_type_unless_its_own(self):
        lift_type = self.env.ref("field_interventions.plant_type_it_lift")
        plant = self.env["field.plant"].create(
            {
                "name": "Lift A",
                "partner_id": self.customer_a.id,
                "plant_type": "lift",
                "type_id": lift_type.id,
            }
        )
        follows = self.env["field.maintenance.plan"].create({"plant_id": plant.id, "kind": "check"})
        own = self.env["field.maintenance.plan"].create({"plant_id": plant.id, "interval_months": 6})
        self.assertEqual((follows.effective_interval_months, own.effective_interval_months), (24, 6))
        # The interval is editable: the plans that follow the type follow the change.
        lift_type.interval_months = 12
        self.assertEqual((follows.effective_interval_months, own.effective_interval_months), (12, 6))
        # A type without interval while a plan follows it: refused, nothing changed.
        with self.assertRaisesRegex(ValidationError, "give the months between two interventions"):
            lift_type.interval_months = 0
        with self.assertRaises(ValidationError):
            lift_type.interval_months = -1

    def test_plan_with_no_interval_at_all_refused(self):
        plant = self.env["field.plant"].create(
            {"name": "Gate", "partner_id": self.customer_a.id, "plant_type": "other"}
        )
        self.assertEqual(plant.type_id, self.env.ref("field_interventions.plant_type_other"))
        Plan = self.env["field.maintenance.plan"]
        with self.assertRaisesRegex(ValidationError, "has no legal interval to follow"):
            Plan.create({"plant_id": plant.id})

    def test_category_change_picks_a_type_of_the_category(self):
        plant = self.env["field.plant"].create({"name": "Pump", "partner_id": self.customer_a.id})
        plant.plant_type = "plumbing"
        self.assertEqual(plant.type_id.category, "plumbing")
