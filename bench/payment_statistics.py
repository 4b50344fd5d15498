"""Payment statistics over 100,000 posted invoices, against Odoo's own Invoice Analysis.

Run by hand from the project root, outside the test command (the project cluster must be running):

    python3 bench/payment_statistics.py [--count 100000] [--db bench_payment_statistics] [--keep]

It creates a throwaway database with payment_methods_ro_it, posts one customer invoice through the
ORM and copies it in bulk with SQL: COUNT invoices over 1,000 customers and two years, a third paid,
a third half paid, a third open, spread over the four collection methods. Then it times, best of
three runs with a cold ORM cache:

- ours: the dashboard figures (two grouped queries) and account.payment.statistics.report `_read_group`
  per customer, per method and per month (paid and still due), the four payment states per month
  (the stacked graph) and account.payment.customer.report per status;
- stock: account.invoice.report `_read_group` per customer and per month, the stock Invoice Analysis.

It prints each time and the ratio ours / stock, and exits non-zero if one of ours takes 1 s or more.
The database is dropped at the end unless --keep.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

from _common import out

import odoo
from odoo import Command, api, fields
from odoo.modules.registry import Registry

ROOT = Path(__file__).resolve().parent.parent
PGPORT = os.environ.get("SUITE_PGPORT", "54329")
LIMIT_SECONDS = 1.0
CUSTOMERS = 1000


def create_database(db):
    subprocess.run(
        [sys.executable, "-m", "odoo", "-c", str(ROOT / "odoo.conf"), f"--db_port={PGPORT}", "-d", db]
        + ["-i", "payment_methods_ro_it", "--stop-after-init", "--log-level=warn"],
        cwd=ROOT,
        check=True,
    )


def columns(cr, table):
    cr.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s AND column_name != 'id'",
        [table],
    )
    return [name for (name,) in cr.fetchall()]


def bulk_copy(cr, template, count, partner_ids, method_ids):
    """Copy the template invoice COUNT times, then its lines once per copy, in two statements."""
    move_exprs = {
        "name": "'BENCH/' || g",
        "ref": "'BENCH'",
        "access_token": "NULL",
        "partner_id": "(%(partners)s::int[])[1 + g %% %(n_partners)s]",
        "commercial_partner_id": "(%(partners)s::int[])[1 + g %% %(n_partners)s]",
        "invoice_date": "t.invoice_date - (g %% 730)",
        "date": "t.invoice_date - (g %% 730)",
        "invoice_date_due": "t.invoice_date - (g %% 730) + 30",
        "sequence_number": "t.sequence_number + g",
        "payment_state": "(ARRAY['paid', 'partial', 'not_paid'])[1 + g %% 3]",
        "amount_residual": "t.amount_total * (g %% 3) / 2",
        "amount_residual_signed": "t.amount_total_signed * (g %% 3) / 2",
        "collection_method_id": "(%(methods)s::int[])[1 + g %% 4]",
    }
    move_cols = columns(cr, "account_move")
    cr.execute(
        f"""
        INSERT INTO account_move ({", ".join(move_cols)})
        SELECT {", ".join(move_exprs.get(col, f"t.{col}") for col in move_cols)}
          FROM account_move t, generate_series(1, %(count)s) g
         WHERE t.id = %(template)s
        """,
        {
            "count": count,
            "template": template.id,
            "partners": partner_ids,
            "n_partners": len(partner_ids),
            "methods": method_ids,
        },
    )
    line_exprs = {
        "move_id": "m.id",
        "move_name": "m.name",
        "partner_id": "m.commercial_partner_id",
        "date": "m.date",
        "invoice_date": "m.invoice_date",
        "date_maturity": "CASE WHEN l.date_maturity IS NULL THEN NULL ELSE m.invoice_date_due END",
    }
    line_cols = columns(cr, "account_move_line")
    cr.execute(
        f"""
        INSERT INTO account_move_line ({", ".join(line_cols)})
        SELECT {", ".join(line_exprs.get(col, f"l.{col}") for col in line_cols)}
          FROM account_move_line l
          JOIN account_move m ON m.ref = 'BENCH'
         WHERE l.move_id = %(template)s
        """,
        {"template": template.id},
    )
    cr.execute("ANALYZE account_move")
    cr.execute("ANALYZE account_move_line")


def best_of(env, func, runs=3):
    timings = []
    for _run in range(runs):
        env.invalidate_all()
        start = time.perf_counter()
        func()
        timings.append(time.perf_counter() - start)
    return min(timings)


def measure(env):
    company = env.company
    report = env["account.payment.statistics.report"]
    analysis = env["account.invoice.report"]
    ours = {
        "dashboard figures": lambda: env["account.payment.statistics.dashboard"]._get_figures(company),
        "paid/due per customer": lambda: report._read_group(
            [], ["partner_id"], ["amount_paid:sum", "amount_due:sum"]
        ),
        "paid/due per method": lambda: report._read_group(
            [], ["collection_method_id"], ["amount_paid:sum", "amount_due:sum"]
        ),
        "paid/due per month": lambda: report._read_group(
            [], ["date:month"], ["amount_paid:sum", "amount_due:sum"]
        ),
        "payment states per month": lambda: report._read_group(
            [], ["date:month", "payment_state"], ["amount_total:sum"]
        ),
        "customers by status": lambda: env["account.payment.customer.report"]._read_group(
            [], ["status"], ["__count"]
        ),
    }
    stock = {
        "invoice analysis per customer": lambda: analysis._read_group(
            [], ["partner_id"], ["price_subtotal:sum"]
        ),
        "invoice analysis per month": lambda: analysis._read_group(
            [], ["invoice_date:month"], ["price_subtotal:sum"]
        ),
    }
    return (
        {name: best_of(env, func) for name, func in ours.items()},
        {name: best_of(env, func) for name, func in stock.items()},
    )


def run(db, count):
    os.chdir(ROOT)  # odoo.conf holds paths relative to the project root
    odoo.tools.config.parse_config(["-c", str(ROOT / "odoo.conf"), f"--db_port={PGPORT}"])
    registry = Registry(db)
    with registry.cursor() as cr:
        env = api.Environment(cr, odoo.SUPERUSER_ID, {})
        company = env.company
        if not company.chart_template:
            env["account.chart.template"].try_loading("generic_coa", company, install_demo=False)
        partners = env["res.partner"].create(
            [{"name": f"Bench customer {i}", "is_company": True} for i in range(CUSTOMERS)]
        )
        template = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partners[0].id,
                "invoice_date": fields.Date.today(),
                "invoice_line_ids": [Command.create({"name": "Service", "quantity": 1, "price_unit": 100.0})],
            }
        )
        template.action_post()
        methods = env["account.collection.method"].search([])
        start = time.perf_counter()
        bulk_copy(cr, template, count - 1, partners.ids, methods.ids)
        out(f"{count} posted invoices made in {time.perf_counter() - start:.1f} s")
    # A second transaction, so the figures are read from committed data as users see it.
    with registry.cursor() as cr:
        ours, stock = measure(api.Environment(cr, odoo.SUPERUSER_ID, {}))
    reference = min(stock.values())
    out(f"\n{'query':<32}{'seconds':>10}{'ratio to stock':>16}")
    for name, seconds in {**ours, **stock}.items():
        out(f"{name:<32}{seconds:>10.3f}{seconds / reference:>16.2f}")
    slow = [name for name, seconds in ours.items() if seconds >= LIMIT_SECONDS]
    if slow:
        out(f"\nSlower than {LIMIT_SECONDS} s: {', '.join(slow)}")
    return not slow


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--db", default="bench_payment_statistics")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()
    env_vars = {"PGHOST": "127.0.0.1", "PGPORT": PGPORT, "PGUSER": "odoo", "PGPASSWORD": "odoo"}
    subprocess.run(["dropdb", "--if-exists", args.db], env={**os.environ, **env_vars}, check=True)
    create_database(args.db)
    try:
        ok = run(args.db, args.count)
    finally:
        if not args.keep:
            odoo.sql_db.close_db(args.db)
            subprocess.run(["dropdb", "--if-exists", args.db], env={**os.environ, **env_vars}, check=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
