"""Benchmark of the contract crons of contract_expiry, in process, with real commits.

Prints:
- the expiry-alert run over N contracts expiring soon (default 10,000): total time, time and queries
  per contract, as the daily cron runs it (batches of 200, a commit per batch);
- the periodic billing run over M monthly contracts due (default 1,000) into draft invoices: time and
  queries per contract, against the stock path measured in the same run (one account.move.create per
  contract with the same business values, as a naive loop does it), and the ratio.

Usage (from the project root, on a database where contract_expiry is installed, e.g. the one
`bin/test --keep contract_expiry` leaves):
    python3 bench/contract_billing.py [--db test_contract_expiry] [--expiry 10000] [--billing 1000]
Test data is created, committed and removed at the end; other due contracts of the database would be
processed too, so use a test database.
"""

import argparse
import uuid

from _common import CONTEXT, out, timed
from dateutil.relativedelta import relativedelta

import odoo
from odoo import Command, fields
from odoo.tools import config

STOCK_LINE_FIELDS = ("product_id", "name", "quantity", "price_unit", "tax_ids")


def make_contracts(env, partner, product, count, **vals):
    values = {
        "title": "Bench contract",
        "partner_id": partner.id,
        "state": "signed",
        "line_ids": [Command.create({"product_id": product.id, "quantity": 1, "price_unit": 30.0})],
    }
    values.update(vals)
    contracts = env["customer.contract"].browse()
    for start in range(0, count, 1000):
        contracts |= env["customer.contract"].create([dict(values) for _i in range(min(1000, count - start))])
    return contracts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", default="test_contract_expiry")
    parser.add_argument("--expiry", type=int, default=10000)
    parser.add_argument("--billing", type=int, default=1000)
    args = parser.parse_args()

    config.parse_config(["-c", "odoo.conf", "--db-filter", f"^{args.db}$", "--log-level=warn"])
    config["db_name"] = args.db
    registry = odoo.modules.registry.Registry(args.db)
    tag = uuid.uuid4().hex[:8]
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, CONTEXT)
        partner = env["res.partner"].create({"name": f"Bench customer {tag}", "is_company": True})
        product = env["product.product"].create({"name": f"Bench service {tag}", "type": "service"})
        today = fields.Date.context_today(env["customer.contract"])
        make_contracts(env, partner, product, args.expiry, expiry_date=today + relativedelta(days=10))
        stock_contracts = make_contracts(env, partner, product, args.billing)
        ids = {"partner": partner.id, "product": product.id, "stock": stock_contracts.ids}
    try:
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, CONTEXT)
            elapsed, queries = timed(cr, env["customer.contract"]._cron_expiry_alerts)
            sent = env["customer.contract"].search_count(
                [("partner_id", "=", ids["partner"]), ("alert_sent", "=", True)]
            )
        out(f"expiry alerts: {sent} contracts in {elapsed:.2f} s")
        out(f"  {elapsed / args.expiry * 1000:.2f} ms and {queries / args.expiry:.2f} queries per contract")

        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, CONTEXT)
            partner = env["res.partner"].browse(ids["partner"])
            product = env["product.product"].browse(ids["product"])
            due = make_contracts(
                env, partner, product, args.billing, billing_period="monthly", next_billing_date=today
            )
            ids["due"] = due.ids
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, CONTEXT)
            due = env["customer.contract"].browse(ids["due"])
            ours, ours_q = timed(cr, env["customer.contract"]._cron_bill_contracts)
            billed = env["account.move"].search_count([("customer_contract_id", "in", due.ids)])
            assert billed == args.billing, billed

            stock = env["customer.contract"].browse(ids["stock"])
            env.invalidate_all()

            def stock_path():
                for contract in stock:
                    values = contract._prepare_invoice_values()
                    values["customer_contract_id"] = False
                    # Only the business values of the lines: Odoo computes all the rest itself.
                    values["invoice_line_ids"] = [
                        Command.create({key: vals[key] for key in STOCK_LINE_FIELDS if key in vals})
                        for _command, _id, vals in values["invoice_line_ids"]
                    ]
                    env["account.move"].create(values)
                env.flush_all()

            base, base_q = timed(cr, stock_path)
        n = args.billing
        out(f"periodic billing of {n} contracts into draft invoices:")
        out(f"  ours:  {ours / n * 1000:.2f} ms, {ours_q / n:.2f} queries per contract")
        out(f"  stock: {base / n * 1000:.2f} ms, {base_q / n:.2f} queries per contract (one create each)")
        out(f"  ratio stock/ours: {base / ours:.2f}x")
    finally:
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, CONTEXT)
            partner = env["res.partner"].browse(ids["partner"])
            env["account.move"].search([("partner_id", "=", partner.id)]).unlink()
            contracts = env["customer.contract"].search([("partner_id", "=", partner.id)])
            env["mail.activity"].search(
                [("res_model", "=", "customer.contract"), ("res_id", "in", contracts.ids)]
            ).unlink()
            env["mail.mail"].search([("subject", "ilike", "expiring soon")]).unlink()
            contracts.unlink()
            env["product.product"].browse(ids["product"]).unlink()
            partner.unlink()


if __name__ == "__main__":
    main()
