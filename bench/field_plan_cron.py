"""Benchmark of the maintenance-plan cron of field_interventions, in process.

Prints:
- the planning run over N plants each with a plan due today (default 10,000): total time, time and
  queries per plant, as the daily cron runs it (batches of 100: one search, one create of the
  interventions, one update of the plans per batch);
- the stock path on M other due plans (default 1,000) in the same run: one field.intervention.create per
  plan with the same values, as a naive loop does it; time and queries per plan, and the ratio.

Usage (from the project root, on a database where field_interventions is installed, e.g. the one
`bin/test --keep field_interventions` leaves):
    python3 bench/field_plan_cron.py [--db test_field_interventions] [--plants 10000] [--stock 1000]
        [--db-port PORT]  (a worktree's own cluster: the port in .local/pgport)
Test data is created, committed and removed at the end; other due plans of the database would be planned
too, so use a test database.
"""

import argparse
import uuid

from _common import CONTEXT, out, timed

import odoo
from odoo import fields
from odoo.tools import config


def make_plans(env, customer, site, technician, count, tag):
    plans = env["field.maintenance.plan"].browse()
    today = fields.Date.context_today(env["field.maintenance.plan"])
    for start in range(0, count, 1000):
        plants = env["field.plant"].create(
            [
                {"name": f"Bench boiler {tag} {i}", "partner_id": customer.id, "site_id": site.id}
                for i in range(start, min(start + 1000, count))
            ]
        )
        plans |= env["field.maintenance.plan"].create(
            [
                {"plant_id": plant.id, "interval_months": 12, "user_id": technician.id, "next_date": today}
                for plant in plants
            ]
        )
    return plans


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", default="test_field_interventions")
    parser.add_argument("--plants", type=int, default=10000)
    parser.add_argument("--stock", type=int, default=1000)
    parser.add_argument("--db-port", type=int)
    args = parser.parse_args()

    port = ["--db_port", str(args.db_port)] if args.db_port else []
    config.parse_config(["-c", "odoo.conf", "--db-filter", f"^{args.db}$", "--log-level=warn", *port])
    config["db_name"] = args.db
    registry = odoo.modules.registry.Registry(args.db)
    tag = uuid.uuid4().hex[:8]
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, CONTEXT)
        env["field.maintenance.plan"]._cron_plan_interventions()  # what was due before the bench
        customer = env["res.partner"].create({"name": f"Bench customer {tag}", "is_company": True})
        site = env["res.partner"].create(
            {"name": f"Bench site {tag}", "parent_id": customer.id, "type": "other"}
        )
        technician = env.ref("base.user_admin")
        ours = make_plans(env, customer, site, technician, args.plants, tag)
        ids = {"customer": customer.id, "ours": ours.ids}
    try:
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, CONTEXT)
            elapsed, queries = timed(cr, env["field.maintenance.plan"]._cron_plan_interventions)
            planned = env["field.intervention"].search_count([("plan_id", "in", ids["ours"])])
            assert planned == args.plants, planned
        n = args.plants
        out(f"planning run: {planned} plants planned in {elapsed:.2f} s")
        out(f"  ours:  {elapsed / n * 1000:.2f} ms, {queries / n:.3f} queries per plant ({queries} in all)")

        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, CONTEXT)
            customer = env["res.partner"].browse(ids["customer"])
            stock = make_plans(
                env, customer, customer.child_ids[:1], env.ref("base.user_admin"), args.stock, tag
            )
            ids["stock"] = stock.ids
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, CONTEXT)
            stock = env["field.maintenance.plan"].browse(ids["stock"])

            def stock_path():
                Intervention = env["field.intervention"]
                for plan in stock:
                    Intervention.create(plan._prepare_intervention_values())
                    plan.planned_for_date = plan.next_date
                env.flush_all()

            base, base_q = timed(cr, stock_path)
        m = args.stock
        out(
            f"  stock: {base / m * 1000:.2f} ms, {base_q / m:.3f} queries per plant "
            f"(one create each, {m} plans)"
        )
        out(f"  ratio stock/ours per plant: {(base / m) / (elapsed / n):.2f}x")
    finally:
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, CONTEXT)
            customer = env["res.partner"].browse(ids["customer"])
            env["field.intervention"].search([("partner_id", "=", customer.id)]).unlink()
            env["field.plant"].with_context(active_test=False).search(
                [("partner_id", "=", customer.id)]
            ).unlink()
            (customer.child_ids | customer).unlink()


if __name__ == "__main__":
    main()
