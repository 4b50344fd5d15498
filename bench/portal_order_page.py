"""Benchmark of the live portal order page of customer_portal_events, on one worker (in process).

Prints:
- heartbeats per second (the jsonrpc route the open page calls every 20 s), full path: session check,
  visit update, bus notification, commit;
- the time of the order page with our additions (a portal user with reserved-area access: events
  section, one page of events, visit recorded) against the stock order page (a portal user of the same
  customer without reserved-area access, for whom the page is Odoo's own), measured in the same run,
  alternating, median of the runs. The page with our additions must stay within 1.15x of stock.

Usage (from the project root, on a database where customer_portal_events is installed, e.g. the one
`bin/test --keep customer_portal_events` leaves):
    python3 bench/portal_order_page.py [--db test_customer_portal_events] [--runs 40] [--events 1000]
Test data is created, committed and removed at the end.
"""

import argparse
import json
import statistics
import sys
import time
import uuid

from werkzeug.test import Client

import odoo
from odoo.tools import config

ENVIRON = {"REMOTE_ADDR": "127.0.0.1"}


def setup_data(env, events):
    tag = uuid.uuid4().hex[:8]
    Partner = env["res.partner"].with_context(no_reset_password=True, mail_create_nolog=True)
    customer = Partner.create({"name": f"Bench customer {tag}", "is_company": True})
    users = {}
    for login, reserved in ((f"bench_full_{tag}", True), (f"bench_stock_{tag}", False)):
        user = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": login,
                    "login": login,
                    "password": login,
                    "email": f"{login}@bench.test",
                    "group_ids": [(6, 0, [env.ref("base.group_portal").id])],
                }
            )
        )
        user.partner_id.write({"parent_id": customer.id})
        user.partner_id._write({"portal_reserved_area": reserved})
        users[reserved] = user
    product = env["product.product"].create({"name": f"Bench service {tag}", "type": "service"})
    order = env["sale.order"].create(
        {"partner_id": customer.id, "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 1})]}
    )
    order.action_confirm()
    subtype = env.ref("customer_portal_events.mt_order_event")
    env["mail.message"].create(
        [
            {
                "model": "sale.order",
                "res_id": order.id,
                "message_type": "comment",
                "subtype_id": subtype.id,
                "author_id": users[True].partner_id.id,
                "body": f"bench event {i}",
            }
            for i in range(events)
        ]
    )
    return {"customer": customer, "users": users, "product": product, "order": order}


def cleanup(env, data):
    env["sale.order.visit"].sudo().search([("order_id", "=", data["order"].id)]).unlink()
    env["mail.message"].search([("model", "=", "sale.order"), ("res_id", "=", data["order"].id)]).unlink()
    data["order"]._action_cancel()
    data["order"].unlink()
    data["product"].unlink()
    partners = data["customer"] | data["customer"].child_ids
    for user in data["users"].values():
        user.unlink()
    partners.unlink()


def login(client, db, user):
    response = client.post(
        "/web/session/authenticate",
        json={"jsonrpc": "2.0", "params": {"db": db, "login": user.login, "password": user.login}},
        environ_base=ENVIRON,
    )
    assert "error" not in response.json, response.json


def timed_get(client, url):
    start = time.perf_counter()
    response = client.get(url, environ_base=ENVIRON)
    elapsed = time.perf_counter() - start
    assert response.status_code == 200, response.status_code
    return elapsed, response.get_data(as_text=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", default="test_customer_portal_events")
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--heartbeats", type=int, default=300)
    args = parser.parse_args()

    config.parse_config(["-c", "odoo.conf", "--db-filter", f"^{args.db}$"])
    config["db_name"] = args.db
    registry = odoo.modules.registry.Registry(args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        data = setup_data(env, args.events)
        ids = {"order": data["order"].id, "full": data["users"][True].id, "stock": data["users"][False].id}
    try:
        app = odoo.http.root
        full, stock = Client(app), Client(app)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            login(full, args.db, env["res.users"].browse(ids["full"]))
            login(stock, args.db, env["res.users"].browse(ids["stock"]))
        url = f"/my/orders/{ids['order']}"
        for client in (full, stock):  # warm the caches and the assets
            timed_get(client, url)
            timed_get(client, url)
        _t, page = timed_get(full, url)
        assert 'id="order_events"' in page, "the full page has the events section"
        assert 'id="order_events"' not in timed_get(stock, url)[1], "the stock page has no events section"
        full_times, stock_times = [], []
        for _i in range(args.runs):
            stock_times.append(timed_get(stock, url)[0])
            full_times.append(timed_get(full, url)[0])
        full_median, stock_median = statistics.median(full_times), statistics.median(stock_times)

        # Heartbeats: one visit per beat, each past the rate limit, so every beat takes the full path.
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            Visit = env["sale.order.visit"]
            visits = Visit.create(
                [
                    {"order_id": ids["order"], "user_id": ids["full"], "access_key": uuid.uuid4().hex}
                    for _i in range(args.heartbeats)
                ]
            )
            cr.execute(
                "UPDATE sale_order_visit SET last_seen = last_seen - interval '1 minute' WHERE id = ANY(%s)",
                [visits.ids],
            )
            beats = [(v.id, v.access_key) for v in visits]
        start = time.perf_counter()
        for visit_id, key in beats:
            response = full.post(
                f"/my/orders/{ids['order']}/heartbeat",
                json={"jsonrpc": "2.0", "params": {"visit_id": visit_id, "key": key}},
                environ_base=ENVIRON,
            )
            assert json.loads(response.get_data())["result"]["status"] == "ok"
        beats_per_second = len(beats) / (time.perf_counter() - start)
    finally:
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            cleanup(
                env,
                {
                    "customer": env["res.users"].browse(ids["full"]).partner_id.parent_id,
                    "users": {
                        True: env["res.users"].browse(ids["full"]),
                        False: env["res.users"].browse(ids["stock"]),
                    },
                    "product": data["product"].with_env(env),
                    "order": env["sale.order"].browse(ids["order"]),
                },
            )

    ratio = full_median / stock_median
    lines = [
        f"events on the order: {args.events}, runs: {args.runs}",
        f"stock order page: {stock_median * 1000:.1f} ms (median)",
        f"order page with events, presence, chat: {full_median * 1000:.1f} ms (median)",
        f"page ratio: {ratio:.3f} (limit 1.15) {'OK' if ratio <= 1.15 else 'TOO SLOW'}",
        f"heartbeats per second on one worker: {beats_per_second:.0f}",
    ]
    sys.stdout.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
