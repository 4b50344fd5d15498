from datetime import timedelta

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import InterventionsCase


@tagged("post_install", "-at_install")
class TestMaintenancePlan(InterventionsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["field.maintenance.plan"])
        cls.env.company.field_plan_horizon_days = 30

    def _plan(self, plant=None, **vals):
        return self.env["field.maintenance.plan"].create({"plant_id": (plant or self.plant_a).id, **vals})

    def _cron(self):
        self.env["field.maintenance.plan"]._cron_plan_interventions()

    def test_bad_interval_refused(self):
        with self.assertRaises(ValidationError):
            self._plan(interval_months=-3)
        other = self.env["field.plant"].create(
            {"name": "Gate", "partner_id": self.customer_a.id, "plant_type": "other"}
        )
        self.assertFalse(other.legal_interval_months)
        with self.assertRaisesRegex(ValidationError, "give the months between two interventions"):
            self._plan(other)
        plan = self._plan(other, interval_months=3)
        with self.assertRaises(ValidationError):
            plan.interval_months = False
        with self.assertRaises(ValidationError):
            plan.duration = 0
        with self.assertRaises(ValidationError):
            self.env.company.field_plan_horizon_days = -1

    def test_defaults_from_plant(self):
        previous = self._intervention(plant_ids=[fields.Command.set(self.plant_a.ids)])
        self.assertEqual(previous.user_ids, self.technician)
        plan = self._plan()
        self.assertFalse(plan.interval_months, "none of its own")
        self.assertEqual(plan.effective_interval_months, self.plant_a.type_id.interval_months)
        self.assertEqual(plan.user_id, self.technician, "the plant's last technician")
        self.assertEqual(plan.next_date, self.today, "never done: due now")
        self.assertIn("Boiler", plan.name)
        self.assertIn(plan, self.plant_a.plan_ids)
        self.assertIn(plan, self.customer_a.field_plan_ids)
        extinguishers = self.env["field.plant"].create(
            {"name": "Extinguishers", "partner_id": self.customer_a.id, "plant_type": "fire"}
        )
        self.assertEqual(self._plan(extinguishers).effective_interval_months, 6)
        self.assertFalse(self._plan(extinguishers).user_id, "no intervention yet: no technician")

    def test_cron_plans_ahead_once(self):
        soon = self._plan(next_date=self.today + timedelta(days=10), user_id=self.technician.id, duration=3)
        later = self._plan(self.plant_b, next_date=self.today + timedelta(days=60))
        self._cron()
        self._cron()  # idempotent: nothing more
        self.assertEqual(len(soon.intervention_ids), 1)
        intervention = soon.intervention_ids
        self.assertEqual(intervention.state, "planned")
        self.assertEqual(intervention.kind, "maintenance")
        self.assertEqual(intervention.plant_ids, self.plant_a)
        self.assertEqual((intervention.partner_id, intervention.site_id), (self.customer_a, self.site_a))
        self.assertEqual(intervention.user_ids, self.technician)
        self.assertEqual(intervention.date_end - intervention.date_start, timedelta(hours=3))
        self.assertTrue(intervention.name.startswith("INT/"))
        self.assertFalse(later.intervention_ids, "60 days ahead: beyond the 30-day horizon")
        # A cancelled intervention is not planned again for the same date.
        intervention.action_cancel()
        self._cron()
        self.assertEqual(len(soon.intervention_ids), 1)
        # A longer horizon, from the settings, reaches the later plan.
        self.env["res.config.settings"].create({"field_plan_horizon_days": 90}).execute()
        self.assertEqual(self.env.company.field_plan_horizon_days, 90)
        self._cron()
        self.assertEqual(len(later.intervention_ids), 1)

    def test_done_late_counts_from_done_date(self):
        plan = self._plan(next_date=self.today - timedelta(days=20), interval_months=12)
        self._cron()
        intervention = plan.intervention_ids
        self.assertEqual(len(intervention), 1)
        late_day = fields.Datetime.now() + timedelta(days=5)
        with freeze_time(late_day):
            intervention.action_start()
            intervention.action_done()
        done_on = fields.Date.context_today(plan, timestamp=late_day)
        self.assertEqual(intervention.date_done.date(), late_day.date())
        self.assertEqual(plan.last_done_date, done_on)
        self.assertEqual(plan.next_date, done_on + relativedelta(months=12), "from the real done date")
        self._cron()
        self.assertEqual(len(plan.intervention_ids), 1, "next one a year away: not yet")
        with freeze_time(late_day + relativedelta(months=12) - timedelta(days=20)):
            self._cron()
        self.assertEqual(len(plan.intervention_ids), 2)
        self.assertEqual(plan.intervention_ids.sorted("date_start")[-1].date_start.date(), plan.next_date)

    def test_intervention_without_plan_restarts_the_plan(self):
        plan = self._plan(next_date=self.today + timedelta(days=5))
        manual = self._intervention(plant_ids=[fields.Command.set(self.plant_a.ids)])
        manual.action_start()
        manual.action_done()
        self.assertEqual(plan.last_done_date, self.today)
        self.assertEqual(plan.next_date, self.today + relativedelta(months=12))
        repair = self._intervention(kind="repair", plant_ids=[fields.Command.set(self.plant_a.ids)])
        repair.action_start()
        with freeze_time(fields.Datetime.now() + timedelta(days=3)):
            repair.action_done()
        self.assertEqual(plan.last_done_date, self.today, "a repair is no maintenance")

    def test_next_check_date_drives_check_plan(self):
        plan = self._plan(kind="check", interval_months=24, next_date=self.today + timedelta(days=200))
        maintenance = self._plan(next_date=self.today + timedelta(days=200))
        self.env["field.check"].create(
            {
                "name": "Combustion analysis",
                "partner_id": self.customer_a.id,
                "site_id": self.site_a.id,
                "plant_id": self.plant_a.id,
                "next_date": self.today + timedelta(days=15),
            }
        )
        self.assertEqual(plan.next_date, self.today + timedelta(days=15))
        self.assertEqual(maintenance.next_date, self.today + timedelta(days=200), "only check plans")
        self._cron()
        self.assertEqual(plan.intervention_ids.kind, "check")
        self.assertEqual(plan.intervention_ids.date_start.date(), self.today + timedelta(days=15))
        self.assertFalse(maintenance.intervention_ids)

    def test_check_done_follows_next_check_date(self):
        plan = self._plan(kind="check", interval_months=24, next_date=self.today)
        self._cron()
        intervention = plan.intervention_ids
        self.assertEqual(intervention.kind, "check")
        intervention.action_start()
        # The checker records the check and its next date while on site, then closes the intervention.
        self.env["field.check"].create(
            {
                "name": "Periodic check",
                "partner_id": self.customer_a.id,
                "site_id": self.site_a.id,
                "plant_id": self.plant_a.id,
                "next_date": self.today + timedelta(days=300),
            }
        )
        self.assertEqual(plan.next_date, self.today + timedelta(days=300))
        self._cron()
        self.assertEqual(len(plan.intervention_ids), 1, "one open intervention per plan at a time")
        intervention.action_done()
        self.assertEqual(plan.last_done_date, self.today)
        self.assertEqual(plan.next_date, self.today + timedelta(days=300), "the check's date wins")

    def _due_plans(self, count, name, interval_months):
        """``count`` plants of customer A at site A, each with a plan due today for the technician."""
        plants = self.env["field.plant"].create(
            [
                {"name": f"{name} {i}", "partner_id": self.customer_a.id, "site_id": self.site_a.id}
                for i in range(count)
            ]
        )
        return self.env["field.maintenance.plan"].create(
            [
                {
                    "plant_id": plant.id,
                    "user_id": self.technician.id,
                    "next_date": self.today,
                    "interval_months": interval_months,
                }
                for plant in plants
            ]
        )

    def test_archived_plan_or_plant_not_planned(self):
        archived = self._plan(next_date=self.today)
        archived.active = False
        plant = self.env["field.plant"].create({"name": "Old pump", "partner_id": self.customer_b.id})
        on_archived_plant = self._plan(plant, next_date=self.today, interval_months=12)
        plant.active = False
        self._cron()
        self.assertFalse(archived.intervention_ids)
        self.assertFalse(on_archived_plant.with_context(active_test=False).intervention_ids)

    def test_cron_queries_flat(self):
        """The interventions of 100 plans cost the queries of 10: one batch, whatever its size."""

        def make(count):
            return self._due_plans(count, "Boiler", interval_months=12)

        make(3)._create_next_interventions()  # warm the caches (sequence, rules)
        plans_10, plans_100 = make(10), make(100)
        self.env.flush_all()
        self.env.invalidate_all()
        count0 = self.cr.sql_log_count
        plans_10._create_next_interventions()
        self.env.flush_all()
        queries_10 = self.cr.sql_log_count - count0
        self.env.invalidate_all()
        with self.assertQueryCount(queries_10):
            plans_100._create_next_interventions()
            self.env.flush_all()
        self.assertEqual(len(plans_100.intervention_ids), 100)
        self.assertEqual(len(set(plans_100.intervention_ids.mapped("name"))), 100)
        self.assertFalse(any(plans_100.mapped("to_plan")))

    def test_cron_run_flat_per_plant(self):
        """The whole run over 1,000 due plans costs ten batches of what 100 plans cost: the same fixed
        queries, then the same queries per batch of 100, whatever the number of plants."""

        def make(count):
            return self._due_plans(count, "Lift", interval_months=6)

        def run(plans):
            self.env.flush_all()
            self.env.invalidate_all()
            count0 = self.cr.sql_log_count
            self._cron()
            self.env.flush_all()
            self.assertFalse(any(plans.mapped("to_plan")))
            return self.cr.sql_log_count - count0

        self._cron()  # what was due before (demo plans), and the caches
        make(3)
        self._cron()
        queries_100 = run(make(100))
        queries_200 = run(make(200))
        per_batch = queries_200 - queries_100
        plans_1000 = make(1000)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(queries_100 + 9 * per_batch):
            self._cron()
            self.env.flush_all()
        self.assertEqual(len(plans_1000.intervention_ids), 1000)
