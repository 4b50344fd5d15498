"""Periodic billing of contract_expiry against OCA's `contract` 19.0, in one throwaway database.

Downloads odoo-addon-contract 19.0 from PyPI with `pip download --no-deps` into a temporary folder
(nothing is installed into Python), creates the database with both addons (the OCA one through a
temporary addons path), creates the same N monthly contracts (one line, one customer each) in each
addon, then bills them into draft invoices with each addon's own cron method in several rounds. Each
round starts from a fresh copy of that database (so both always bill the same contracts from the same
state) and alternates which addon goes first; the figures printed are each round's and the median. The
databases are dropped at the end (--keep-db keeps the original).

Usage (from the project root):
    python3 bench/contract_oca_compare.py [--contracts 1000] [--rounds 3] [--db NAME] [--keep-db]
"""

import argparse
import glob
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

from _common import CONTEXT, out

import odoo
import odoo.service.db
from odoo import Command, fields
from odoo.tools import config


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
    # One customer per contract, as a service company's contracts are spread over its customers.
    partners = env["res.partner"].create(
        [{"name": f"Bench customer {i}", "is_company": True} for i in range(count)]
    )
    product = env["product.product"].create({"name": "Bench service", "type": "service", "list_price": 30.0})
    line = {"product_id": product.id, "name": "Monthly assistance", "quantity": 1, "price_unit": 30.0}
    env["contract.contract"].create(
        [
            {
                "name": f"OCA bench {i}",
                "partner_id": partners[i].id,
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
                "partner_id": partners[i].id,
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


RUNS = {
    "OCA contract": lambda env: env["contract.contract"].cron_recurring_create_invoice(),
    "ours": lambda env: env["customer.contract"]._cron_bill_contracts(),
}


def bill_round(db, number):
    """Bill all contracts with both addons in a copy of `db`: {label: (seconds, queries, invoices)}."""
    copy = f"{db}_round{number}"
    odoo.service.db.exp_duplicate_database(db, copy)
    try:
        registry = odoo.modules.registry.Registry(copy)
        labels = list(RUNS) if number % 2 == 0 else list(reversed(RUNS))
        results = {label: run(registry, RUNS[label]) for label in labels}
        with registry.cursor() as cr:
            Move = odoo.api.Environment(cr, odoo.SUPERUSER_ID, CONTEXT)["account.move"]
            counts = {
                "OCA contract": Move.search_count(
                    [("customer_contract_id", "=", False), ("move_type", "=", "out_invoice")]
                ),
                "ours": Move.search_count([("customer_contract_id", "!=", False)]),
            }
        return {label: (*results[label], counts[label]) for label in RUNS}
    finally:
        odoo.service.db.exp_drop(copy)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--contracts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--db", default="contract_bench_oca")
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="oca_contract_") as folder:
        oca_path, wheel = fetch_oca_contract(folder)
        addons_path = f"addons,{oca_path}"
        out(f"OCA contract: {wheel}; creating database {args.db}")
        config.parse_config(["-c", "odoo.conf", f"--addons-path={addons_path}", "--log-level=warn"])
        # In this process only: the database manager refuses to copy and drop otherwise, and sees only the
        # configuration's database when one is set.
        config["list_db"] = True
        config["db_name"] = []
        odoo.service.db.exp_drop(args.db)  # a database kept by an earlier run would hold twice the contracts
        try:
            create_database(args.db, addons_path)
            registry = odoo.modules.registry.Registry(args.db)
            with registry.cursor() as cr:
                setup_data(odoo.api.Environment(cr, odoo.SUPERUSER_ID, CONTEXT), args.contracts)
            odoo.modules.registry.Registry.delete(args.db)
            n = args.contracts
            out(f"billing {n} monthly contracts into draft invoices, {args.rounds} rounds:")
            ms = {label: [] for label in RUNS}
            queries = {label: [] for label in RUNS}
            ratios = []
            for number in range(args.rounds):
                results = bill_round(args.db, number)
                for label, (seconds, count, invoices) in results.items():
                    if invoices != n:
                        raise SystemExit(f"{label} made {invoices} invoices for {n} contracts")
                    ms[label].append(seconds / n * 1000)
                    queries[label].append(count / n)
                ratios.append(ms["OCA contract"][-1] / ms["ours"][-1])
                out(
                    f"  round {number + 1}: OCA {ms['OCA contract'][-1]:.2f} ms, ours {ms['ours'][-1]:.2f} ms"
                    f" per contract ({ratios[-1]:.2f}x)"
                )
            for label in RUNS:
                out(
                    f"  {label:<12}: {statistics.median(ms[label]):.2f} ms,"
                    f" {statistics.median(queries[label]):.2f} queries per contract (median)"
                )
            out(f"  ratio OCA/ours: {statistics.median(ratios):.2f}x faster (median of the rounds)")
        finally:
            if not args.keep_db:
                odoo.service.db.exp_drop(args.db)


if __name__ == "__main__":
    main()
