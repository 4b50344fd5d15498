from odoo.tests import TransactionCase, tagged

from ..tools.cron import run_batched


@tagged("post_install", "-at_install")
class TestRunBatched(TransactionCase):
    """The suite's one loop of scheduled jobs, run on plain contacts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partners = cls.env["res.partner"].create([{"name": f"Cron contact {i}"} for i in range(7)])
        cls.domain = [("id", "in", cls.partners.ids), ("ref", "=", False)]

    def _mark(self, partners, bad=()):
        for partner in partners:
            if partner in bad:
                raise ValueError("broken contact")
            partner.ref = "done"

    def test_every_record_processed_in_batches(self):
        batches = []

        def process(partners):
            batches.append(len(partners))
            self._mark(partners)

        failed = run_batched(self.env["res.partner"], self.domain, process, batch_size=3)
        self.assertFalse(failed)
        self.assertEqual(batches, [3, 3, 1])
        self.assertEqual(set(self.partners.mapped("ref")), {"done"})

    def test_one_bad_record_does_not_stop_the_others(self):
        bad = self.partners[4]
        errors = []
        failed = run_batched(
            self.env["res.partner"],
            self.domain,
            lambda partners: self._mark(partners, bad=bad),
            batch_size=3,
            on_error=lambda record, error: errors.append((record, str(error))),
        )
        self.assertEqual(failed, bad)
        self.assertEqual(errors, [(bad, "broken contact")])
        self.assertFalse(bad.ref, "the failed record's savepoint was rolled back")
        self.assertEqual(set((self.partners - bad).mapped("ref")), {"done"})

    def test_outside_a_cron_nothing_is_committed(self):
        # _commit_progress would commit the test's transaction; TransactionCase forbids commits and raises.
        run_batched(self.env["res.partner"], self.domain, self._mark, batch_size=2)
        self.assertEqual(set(self.partners.mapped("ref")), {"done"})
