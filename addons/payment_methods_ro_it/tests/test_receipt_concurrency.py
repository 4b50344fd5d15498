import random
import threading
import time

from psycopg2 import errors

from odoo import SUPERUSER_ID, api, sql_db
from odoo.tests import TransactionCase, tagged

RECEIPTS_PER_CURSOR = 250
MAX_TRIES = 100


@tagged("post_install", "-at_install")
class TestReceiptConcurrency(TransactionCase):
    """Two database cursors take receipt numbers at the same time: no gap, no duplicate.

    The threads commit for real (the test transaction cannot be shared), so the test removes
    what they made and puts the sequence back at the end.
    """

    def test_two_cursors_250_receipts_each(self):
        company = self.env.ref("base.main_company")
        partner_id = company.partner_id.id
        sequence = self.env["account.cash.receipt"]._get_sequence(company)
        self.assertEqual(sequence.implementation, "no_gap")
        db = sql_db.db_connect(self.env.cr.dbname)
        created, failures = [], []
        start = threading.Barrier(2)

        def register_one(env):
            # What Odoo's RPC layer does on a concurrency error: roll back and replay.
            for _try in range(MAX_TRIES):
                try:
                    receipt = env["account.cash.receipt"].create(
                        {"company_id": company.id, "partner_id": partner_id, "amount": 10.0}
                    )
                    result = (receipt.id, receipt.number)
                    env.cr.commit()
                    return result
                except (errors.SerializationFailure, errors.LockNotAvailable):
                    env.cr.rollback()
                    env.invalidate_all()
                    time.sleep(random.uniform(0, 0.01))
            raise AssertionError(f"no receipt number after {MAX_TRIES} tries")

        def register_cash():
            try:
                start.wait()
                with db.cursor() as cr:
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    for _i in range(RECEIPTS_PER_CURSOR):
                        created.append(register_one(env))
            except Exception as error:
                # Reported by the main thread, where the assertion is.
                failures.append(error)

        with db.cursor() as cr:
            cr.execute("SELECT number_next FROM ir_sequence WHERE id = %s", [sequence.id])
            [first_number] = cr.fetchone()
        threads = [threading.Thread(target=register_cash) for _i in range(2)]
        try:
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            self.assertFalse(failures)
            numbers = sorted(int(number) for _id, number in created)
            self.assertEqual(numbers, list(range(first_number, first_number + 2 * RECEIPTS_PER_CURSOR)))
        finally:
            with db.cursor() as cr:
                cr.execute(
                    "DELETE FROM account_cash_receipt WHERE id = ANY(%s)", [[rid for rid, _n in created]]
                )
                cr.execute(
                    "UPDATE ir_sequence SET number_next = %s WHERE id = %s", [first_number, sequence.id]
                )
