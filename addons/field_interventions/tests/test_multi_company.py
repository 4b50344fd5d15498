from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged
from odoo.tools import mute_logger

from .common import InterventionsCase


@tagged("post_install", "-at_install")
class TestMultiCompany(InterventionsCase):
    """Plants and checks belong to a company: the staff of another company neither sees nor touches them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_a = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Beta Manutenzioni SRL"})
        cls.technician_b, cls.manager_b = (
            new_test_user(
                cls.env,
                login=login,
                groups=f"field_interventions.group_field_intervention_{level}",
                company_id=cls.company_b.id,
                company_ids=[cls.company_b.id],
            )
            for login, level in (("fi_tech_b", "user"), ("fi_manager_b", "manager"))
        )
        cls.check_a = cls.env["field.check"].create(
            {"name": "Yearly boiler check", "partner_id": cls.customer_a.id, "plant_id": cls.plant_a.id}
        )

    def test_records_get_their_company(self):
        self.assertEqual((self.plant_a.company_id, self.check_a.company_id), (self.company_a, self.company_a))
        plant = (
            self.env["field.plant"]
            .with_user(self.technician_b)
            .create({"name": "Heat pump", "partner_id": self.customer_b.id})
        )
        self.assertEqual(plant.company_id, self.company_b, "created by B's staff: B's plant")
        check = (
            self.env["field.check"]
            .with_user(self.technician_b)
            .create({"name": "Heat pump check", "partner_id": self.customer_b.id, "plant_id": plant.id})
        )
        self.assertEqual(check.company_id, self.company_b, "a check where its plant is")
        customer_of_b = self.env["res.partner"].create(
            {"name": "Gamma Hotel SRL", "is_company": True, "company_id": self.company_b.id}
        )
        kept_by_b = self.env["field.plant"].create({"name": "Lift", "partner_id": customer_of_b.id})
        self.assertEqual(kept_by_b.company_id, self.company_b, "a customer of B only: B's plant")

    @mute_logger("odoo.addons.base.models.ir_rule", "odoo.models")
    def test_other_company_cannot_read_or_change(self):
        for user in (self.technician_b, self.manager_b):
            with self.subTest(user=user.login):
                env = self.env(user=user)
                self.assertFalse(env["field.plant"].search([("id", "=", self.plant_a.id)]))
                self.assertFalse(env["field.check"].search([("id", "=", self.check_a.id)]))
                self.assertFalse(env["field.plant"].search_count([("company_id", "=", self.company_a.id)]))
                self.assertFalse(env["field.check"].search_count([("company_id", "=", self.company_a.id)]))
                self.assertFalse(self.customer_a.with_env(env).field_plant_ids)
                self.assertFalse(self.customer_a.with_env(env).field_check_ids)
                for record in (self.plant_a, self.check_a):
                    with self.assertRaises(AccessError):
                        record.with_env(env).read(["name"])
                    with self.assertRaises(AccessError):
                        record.with_env(env).write({"name": "taken over"})
                    with self.assertRaises(AccessError):
                        record.with_env(env).unlink()
                # Nor can A's plant be hooked to a new check to reach it.
                with self.assertRaises(AccessError):
                    env["field.check"].create(
                        {"name": "Forged", "partner_id": self.customer_a.id, "plant_id": self.plant_a.id}
                    )
        self.assertEqual(self.plant_a.name, "Boiler")
        self.assertEqual(self.check_a.name, "Yearly boiler check")
        self.assertFalse(self.env["field.check"].search_count([("name", "=", "Forged")]))

    def test_other_company_reads_none_of_the_lines(self):
        intervention = self._done_intervention()
        lines = intervention.line_ids
        self.assertTrue(lines)
        for user in (self.technician_b, self.manager_b):
            with self.subTest(user=user.login):
                Line = self.env["field.intervention.line"].with_user(user)
                self.assertFalse(Line.search([("id", "in", lines.ids)]))
                self.assertFalse(Line.search_count([("intervention_id", "=", intervention.id)]))
                with self.assertRaises(AccessError):
                    lines.with_user(user).read(["name"])
        # The staff of A still sees them.
        self.assertEqual(
            self.env["field.intervention.line"].with_user(self.technician).search([("id", "in", lines.ids)]),
            lines,
        )
