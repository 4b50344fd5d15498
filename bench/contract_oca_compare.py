"""Periodic billing of contract_expiry against OCA's `contract` 19.0, in one throwaway database.

Downloads odoo-addon-contract 19.0 from PyPI with `pip download --no-deps` into a temporary folder
(nothing is installed into Python), creates the database with both addons (the OCA one through a
temporary addons path), creates the same N monthly contracts (one line) in each addon, bills them into
draft invoices with each addon's own cron method, one run each, and prints time and queries per contract
and the ratio. The database is dropped at the end (--keep-db keeps it).

Usage (from the project root):
    python3 bench/contract_oca_compare.py [--contracts 1000] [--db contract_bench_oca] [--keep-db]
"""

import argparse
import glob
import os
import subprocess
import sys
import tempfile
import time
import zipfile

import odoo
import odoo.service.db
from odoo import Command, fields
from odoo.tools import config

CONTEXT = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}


def out(line):
    sys.stdout.write(line + "\n")


def fetch_oca_contract(folder):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "-q",
            "--no-deps",
            "odoo-addon-contract==19.0.*",
            "-d",
            folder,
        ],
        check=True,
    )
    wheel = glob.glob(os.path.join(folder, "odoo_addon_contract-*.whl"))[0]
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(os.path.join(folder, "wheel"))
    return os.path.join(folder, "wheel", "odoo", "addons"), os.path.basename(wheel)


def create_database(db, addons_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "odoo",
            "-c",
            "odoo.conf",
            "-d",
            db,
            f"--addons-path={addons_path}",
            "-i",
            "contract,contract_expiry",
            "--stop-after-init",
            "--log-level=warn",
        ],
        check=True,
    )


def setup_data(env, count):
    if not env["account.journal"].search_count([("type", "=", "sale"), ("company_id", "=", env.company.id)]):
        # A database without accounting localisation: load the generic chart, as the setup wizard does.
        env["account.chart.template"].try_loading("generic_coa", env.company, install_demo=False)
    today = fields.Date.context_today(env["res.partner"])
    partner = env["res.partner"].create({"name": "Bench customer", "is_company": True})
    product = env["product.product"].create({"name": "Bench service", "type": "service", "list_price": 30.0})
    line = {"product_id": product.id, "name": "Monthly assistance", "quantity": 1, "price_unit": 30.0}
    env["contract.contract"].create(
        [
            {
                "name": f"OCA bench {i}",
                "partner_id": partner.id,
                "line_recurrence": False,
                "recurring_rule_type": "monthly",
                "recurring_interval": 1,
                "date_start": today,
                "contract_line_ids": [Command.create(dict(line))],
            }
            for i in range(count)
        ]
    )
    env["customer.contract"].create(
        [
            {
                "title": f"Our bench {i}",
                "partner_id": partner.id,
                "state": "signed",
                "billing_period": "monthly",
                "next_billing_date": today,
                "line_ids": [
                    Command.create({k: line[k] for k in ("product_id", "name", "quantity", "price_unit")})
                ],
            }
            for i in range(count)
        ]
    )


def run(registry, method):
    """Time one billing run in its own transaction, commits included; returns (seconds, queries)."""
    start = time.perf_counter()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, CONTEXT)
        queries = cr.sql_log_count
        method(env)
        queries = cr.sql_log_count - queries
    elapsed = time.perf_counter() - start
    return elapsed, queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--contracts", type=int, default=1000)
    parser.add_argument("--db", default="contract_bench_oca")
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="oca_contract_") as folder:
        oca_path, wheel = fetch_oca_contract(folder)
        addons_path = f"addons,{oca_path}"
        out(f"OCA contract: {wheel}; creating database {args.db}")
        try:
            create_database(args.db, addons_path)
            config.parse_config(["-c", "odoo.conf", f"--addons-path={addons_path}", "--log-level=warn"])
            config["db_name"] = args.db
            registry = odoo.modules.registry.Registry(args.db)
            with registry.cursor() as cr:
                setup_data(odoo.api.Environment(cr, odoo.SUPERUSER_ID, CONTEXT), args.contracts)
            oca, oca_q = run(registry, lambda env: env["contract.contract"].cron_recurring_create_invoice())
            ours, ours_q = run(registry, lambda env: env["customer.contract"]._cron_bill_contracts())
            with registry.cursor() as cr:
                env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, CONTEXT)
                Move = env["account.move"]
                oca_count = Move.search_count(
                    [("contract_id", "=", False), ("move_type", "=", "out_invoice")]
                )
                ours_count = Move.search_count([("contract_id", "!=", False)])
            n = args.contracts
            out(f"billing {n} monthly contracts into draft invoices (one run each):")
            for label, seconds, queries, count in (
                ("OCA contract", oca, oca_q, oca_count),
                ("ours        ", ours, ours_q, ours_count),
            ):
                per = f"{seconds / n * 1000:.2f} ms, {queries / n:.2f} queries per contract"
                out(f"  {label}: {per} ({count} invoices)")
            out(f"  ratio OCA/ours: {oca / ours:.2f}x faster")
        finally:
            if not args.keep_db:
                config["list_db"] = True  # in this process only: the database manager refuses otherwise
                odoo.service.db.exp_drop(args.db)


if __name__ == "__main__":
    main()
