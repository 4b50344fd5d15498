from psycopg2 import errors

from odoo import SUPERUSER_ID, api
from odoo.orm.environments import Transaction
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

QUIET = {"mail_create_nolog": True, "mail_create_nosubscribe": True, "tracking_disable": True}


@tagged("post_install", "-at_install")
class TestReceiptConcurrency(TransactionCase):
    """Two cash desks (two database transactions) take receipt numbers at the same time: no gap, no
    duplicate.

    Both transactions run from this thread, interleaved step by step, so every outcome is deterministic.
    They commit for real (the test transaction cannot be shared), so the test removes what they made and
    puts the sequence back at the end.
    """

    def setUp(self):
        super().setUp()
        self.company = self.env.ref("base.main_company")
        self.created = []
        # The cash journal's receipt sequence, committed so that both desks see it (removed afterwards
        # if this test made it).
        with self.registry.cursor() as cr:
            env = self._env(cr)
            journal = env["account.journal"].search(
                [("type", "=", "cash"), ("company_id", "=", self.company.id)], limit=1
            )
            self.made_journal = not journal
            if not journal:
                # A database without demo data has no cash journal.
                journal = env["account.journal"].create(
                    {
                        "name": "Concurrency cash desk",
                        "type": "cash",
                        "code": "CCDT",
                        "company_id": self.company.id,
                    }
                )
            self.journal_id = journal.id
            self.made_sequence = not journal.l10n_ro_cash_receipt_sequence_id
            sequence = journal._l10n_ro_cash_receipt_sequence()
            self.sequence = self.env["ir.sequence"].browse(sequence.id)
            self.assertEqual(sequence.implementation, "no_gap")
            cr.execute("SELECT number_next FROM ir_sequence WHERE id = %s", [sequence.id])
            [self.first_number] = cr.fetchone()
        self.addCleanup(self._cleanup)
        self.desk_a, self.desk_b = self.registry.cursor(), self.registry.cursor()
        # Closed (what is not committed is rolled back) before the cleanup runs.
        self.addCleanup(self.desk_a.close)
        self.addCleanup(self.desk_b.close)

    def _cleanup(self):
        with self.registry.cursor() as cr:
            cr.execute("DELETE FROM account_cash_receipt WHERE id = ANY(%s)", [self.created])
            cr.execute(
                "UPDATE ir_sequence SET number_next = %s WHERE id = %s", [self.first_number, self.sequence.id]
            )
            if self.made_sequence:
                cr.execute(
                    "UPDATE account_journal SET l10n_ro_cash_receipt_sequence_id = NULL WHERE id = %s",
                    [self.journal_id],
                )
                cr.execute("DELETE FROM ir_sequence WHERE id = %s", [self.sequence.id])
            if self.made_journal:
                journal = self._env(cr)["account.journal"].browse(self.journal_id)
                account = journal.default_account_id
                journal.unlink()
                account.unlink()

    def _env(self, cr):
        # A transaction set beforehand: the Environment does not look the registry up (its lock is held
        # while Odoo runs post-install tests).
        if cr.transaction is None:
            cr.transaction = Transaction(self.registry)
        return api.Environment(cr, SUPERUSER_ID, QUIET)

    def _register_cash(self, cr):
        """One cash receipt in this transaction; its number (not committed)."""
        receipt = self._env(cr)["account.cash.receipt"].create(
            {"journal_id": self.journal_id, "partner_id": self.company.partner_id.id, "amount": 10.0}
        )
        self.created.append(receipt.id)
        return int(receipt.number)

    def _rollback(self, cr):
        # What Odoo's RPC layer does before replaying a request that failed on a concurrent update.
        cr.rollback()

    def _committed_numbers(self):
        with self.registry.cursor() as cr:
            cr.execute("SELECT number FROM account_cash_receipt WHERE id = ANY(%s)", [self.created])
            return sorted(int(number) for (number,) in cr.fetchall())

    @mute_logger("odoo.sql_db")
    def test_two_desks_neither_skip_nor_share_a_number(self):
        first = self.first_number
        # Desk B's transaction starts (its snapshot is taken) before desk A commits anything.
        self.desk_b.execute("SELECT 1")
        self.assertEqual(self._register_cash(self.desk_a), first)
        # While A's registration is open, B waits for it instead of taking a number of its own
        # (here it gives up after a short wait rather than blocking this single thread).
        self.desk_b.execute("SET LOCAL lock_timeout = '200ms'")
        with self.assertRaises(errors.LockNotAvailable):
            self._register_cash(self.desk_b)
        self._rollback(self.desk_b)
        # B starts again, A commits: B's snapshot predates A's number, so B fails to serialize instead of
        # reusing it; Odoo replays such a request, and the replay gets the next number.
        self.desk_b.execute("SELECT 1")
        self.desk_a.commit()
        with self.assertRaises(errors.SerializationFailure):
            self._register_cash(self.desk_b)
        self._rollback(self.desk_b)
        self.assertEqual(self._register_cash(self.desk_b), first + 1)
        self.desk_b.commit()
        # A registration that fails (rolled back) gives its number back to the next one: no gap.
        self.assertEqual(self._register_cash(self.desk_a), first + 2)
        self._rollback(self.desk_a)
        self.assertEqual(self._register_cash(self.desk_b), first + 2)
        self.desk_b.commit()
        self.assertEqual(self._register_cash(self.desk_a), first + 3)
        self.desk_a.commit()
        self.assertEqual(self._committed_numbers(), list(range(first, first + 4)))
        with self.registry.cursor() as cr:
            cr.execute("SELECT number_next FROM ir_sequence WHERE id = %s", [self.sequence.id])
            self.assertEqual(cr.fetchone()[0], first + 4)
