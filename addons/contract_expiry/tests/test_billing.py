from dateutil.relativedelta import relativedelta

from odoo import Command, api
from odoo.tests import tagged

from .common import ContractCase


@tagged("post_install", "-at_install")
class TestPeriodicBilling(ContractCase):
    @classmethod
    def _due_contracts(cls, count, **vals):
        values = {
            "title": "Monthly assistance",
            "partner_id": cls.customer_a.id,
            "user_id": cls.salesman.id,
            "state": "signed",
            "billing_period": "monthly",
            "next_billing_date": cls.today,
            "line_ids": [Command.create({"product_id": cls.service.id, "quantity": 1, "price_unit": 30.0})],
        }
        values.update(vals)
        return cls.env["customer.contract"].create([dict(values) for _i in range(count)])

    def _run_cron(self, **kwargs):
        """Run the billing cron on its own cursor, as the scheduler does: its commits are real for it."""
        with self.enter_registry_test_mode(), self.registry.cursor() as cr:
            env = api.Environment(cr, self.env.uid, {})
            env["customer.contract"]._cron_bill_contracts(**kwargs)
        self.env.invalidate_all()

    def _invoices(self, contracts):
        return self.env["account.move"].search([("customer_contract_id", "in", contracts.ids)])

    def test_cron_bills_due_periods_once_even_if_run_twice(self):
        due = self._due_contracts(5)
        quarterly = self._due_contracts(1, billing_period="quarterly")
        future = self._due_contracts(1, next_billing_date=self.today + relativedelta(days=3))
        unsigned = self._due_contracts(1, state="sent")
        self._run_cron(batch_size=2)
        invoices = self._invoices(due | quarterly)
        self.assertEqual(len(invoices), 6)
        self.assertEqual(set(invoices.mapped("state")), {"draft"}, "draft unless the company posts them")
        self.assertEqual(set(invoices.mapped("customer_contract_period_date")), {self.today})
        self.assertEqual(set(invoices.mapped("amount_untaxed")), {30.0})
        self.assertEqual(set(due.mapped("next_billing_date")), {self.today + relativedelta(months=1)})
        self.assertEqual(quarterly.next_billing_date, self.today + relativedelta(months=3))
        self.assertFalse(self._invoices(future | unsigned))
        self._run_cron(batch_size=2)
        self.assertEqual(len(self._invoices(due | quarterly)), 6, "a second run bills nothing again")

    def test_company_setting_posts_invoices(self):
        self.env.company.contract_invoice_post = True
        due = self._due_contracts(2)
        self._run_cron()
        self.assertEqual(set(self._invoices(due).mapped("state")), {"posted"})

    def test_interrupted_run_leaves_nothing_half_done(self):
        contract = self._due_contracts(1)
        # A run that dies before its commit: the invoice and the date change go together.
        with self.assertRaises(RuntimeError), self.env.cr.savepoint():
            contract._bill_due_periods()
            self.assertEqual(len(self._invoices(contract)), 1)
            raise RuntimeError("worker killed")
        self.env.invalidate_all()
        self.assertFalse(self._invoices(contract))
        self.assertEqual(contract.next_billing_date, self.today)
        self._run_cron()
        self.assertEqual(len(self._invoices(contract)), 1)
        # A period already invoiced is never invoiced again, even if its date comes back.
        contract.next_billing_date = self.today
        contract._bill_due_periods()
        self.assertEqual(len(self._invoices(contract)), 1)
        self.assertEqual(contract.next_billing_date, self.today + relativedelta(months=1))

    def test_failing_contract_is_logged_and_the_others_go_on(self):
        other_company = self.env["res.company"].create({"name": "Other company"})
        foreign = self.env["product.product"].create(
            {"name": "Foreign service", "type": "service", "company_id": other_company.id}
        )
        good = self._due_contracts(3)
        bad = self._due_contracts(
            1, line_ids=[Command.create({"product_id": foreign.id, "quantity": 1, "price_unit": 10.0})]
        )
        self._run_cron(batch_size=10)
        self.assertEqual(len(self._invoices(good)), 3)
        self.assertFalse(self._invoices(bad))
        self.assertEqual(bad.next_billing_date, self.today, "the failing contract stays due")
        self.assertIn("Periodic billing failed", bad.message_ids[0].body)
        self.assertEqual(set(good.mapped("next_billing_date")), {self.today + relativedelta(months=1)})

    def test_batch_queries_stay_flat_as_contracts_grow(self):
        Contract = self.env["customer.contract"]
        self._due_contracts(5)._bill_due_periods()  # warm the caches
        # The cron hands each batch over as a fresh search result: browse the same way.
        batch = Contract.browse(self._due_contracts(60)[:50].ids)
        self.env.invalidate_all()
        queries = self._count_queries(batch._bill_due_periods)
        self.assertLessEqual(queries, 8 * len(batch), "at most 8 queries per contract")
        large = Contract.browse(self._due_contracts(300)[:50].ids)
        self.env.invalidate_all()
        with self.assertQueryCount(queries):
            large._bill_due_periods()
        self.assertEqual(len(self._invoices(large)), 50)
