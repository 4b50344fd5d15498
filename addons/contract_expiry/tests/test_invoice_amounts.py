from odoo import Command
from odoo.tests import tagged

from .common import ContractCase


@tagged("post_install", "-at_install")
class TestContractInvoiceAmounts(ContractCase):
    """Taxes, fiscal positions and analytic distribution on contract lines, and the invoices made from
    them: the billing run hands Odoo its own tax figures up front, so its invoices must be exactly the
    ones Odoo computes by itself from the same business values."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Tax = cls.env["account.tax"]
        country = cls.env.company.account_fiscal_country_id
        cls.base_tag = cls.env["account.account.tag"].create(
            {"name": "Base VAT 22 (test)", "applicability": "taxes", "country_id": country.id}
        )
        cls.vat_22 = Tax.create(
            {"name": "VAT 22% (test)", "amount": 22.0, "type_tax_use": "sale", "country_id": country.id}
        )
        cls.vat_22.invoice_repartition_line_ids.filtered(
            lambda rep: rep.repartition_type == "base"
        ).tag_ids = cls.base_tag
        cls.vat_10_included = Tax.create(
            {
                "name": "VAT 10% included (test)",
                "amount": 10.0,
                "type_tax_use": "sale",
                "price_include_override": "tax_included",
                "country_id": country.id,
            }
        )
        cls.reverse_charge = cls.env["account.fiscal.position"].create({"name": "Reverse charge (test)"})
        cls.vat_0 = Tax.create(
            {
                "name": "VAT 0% reverse charge (test)",
                "amount": 0.0,
                "type_tax_use": "sale",
                "country_id": country.id,
                "fiscal_position_ids": [Command.set(cls.reverse_charge.ids)],
                "original_tax_ids": [Command.set(cls.vat_22.ids)],
            }
        )
        cls.service.taxes_id = cls.vat_22
        cls.other_service.taxes_id = cls.vat_10_included
        cls.untaxed_fee = cls.env["product.product"].create(
            {"name": "Stamp duty", "type": "service", "list_price": 2.0, "taxes_id": False}
        )
        cls.two_instalments = cls.env["account.payment.term"].create(
            {
                "name": "30% now, 70% in 30 days (test)",
                "line_ids": [
                    Command.create({"value": "percent", "value_amount": 30.0, "nb_days": 0}),
                    Command.create({"value": "percent", "value_amount": 70.0, "nb_days": 30}),
                ],
            }
        )
        plan = cls.env["account.analytic.plan"].create({"name": "Contracts (test)"})
        cls.analytic_account = cls.env["account.analytic.account"].create(
            {"name": "Maintenance (test)", "plan_id": plan.id}
        )
        cls.env["account.analytic.distribution.model"].create(
            {
                "product_id": cls.service.id,
                "analytic_distribution": {str(cls.analytic_account.id): 100},
            }
        )

    def _two_line_contract(self, partner=None, **vals):
        return self._contract(
            partner,
            state="signed",
            line_ids=[
                Command.create({"product_id": self.service.id, "quantity": 2, "price_unit": 80.0}),
                Command.create({"product_id": self.other_service.id, "quantity": 3, "price_unit": 18.35}),
            ],
            **vals,
        )

    def test_lines_take_the_product_taxes_mapped_by_the_fiscal_position(self):
        contract = self._two_line_contract()
        service_line, other_line = contract.line_ids
        self.assertEqual(service_line.tax_ids, self.vat_22)
        self.assertEqual(other_line.tax_ids, self.vat_10_included)
        self.assertEqual(service_line.price_subtotal, 160.0)
        self.assertAlmostEqual(service_line.price_total, 195.2)
        self.assertAlmostEqual(other_line.price_subtotal, 50.05, msg="10% included in 55.05")
        self.assertAlmostEqual(other_line.price_total, 55.05)
        self.assertAlmostEqual(contract.amount, 210.05)
        self.assertAlmostEqual(contract.amount_tax, 40.2)
        self.assertAlmostEqual(contract.amount_total, 250.25)
        self.assertEqual(
            service_line.analytic_distribution,
            {str(self.analytic_account.id): 100},
            "Odoo's analytic distribution models apply to contract lines",
        )

        # A customer under a fiscal position gets it on its contracts, and the mapped taxes.
        self.customer_b.property_account_position_id = self.reverse_charge
        contract_b = self._two_line_contract(self.customer_b)
        self.assertEqual(contract_b.fiscal_position_id, self.reverse_charge)
        self.assertEqual(contract_b.line_ids[0].tax_ids, self.vat_0)
        self.assertAlmostEqual(contract_b.amount_tax, 5.0)

        # Changing the fiscal position by hand maps the lines again.
        contract.fiscal_position_id = self.reverse_charge
        self.assertEqual(contract.line_ids[0].tax_ids, self.vat_0)

    def _reference_invoice(self, contract):
        """The invoice Odoo makes by itself from the contract lines' business values, nothing precomputed."""
        return self.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": contract.partner_id.id,
                "fiscal_position_id": contract.fiscal_position_id.id,
                "invoice_payment_term_id": contract.payment_term_id.id,
                "invoice_date": contract.next_billing_date,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": line.product_id.id,
                            "name": line.name,
                            "quantity": line.quantity,
                            "price_unit": line.price_unit,
                            "discount": line.discount,
                            "tax_ids": [Command.set(line.tax_ids.ids)],
                            "analytic_distribution": line.analytic_distribution,
                        }
                    )
                    for line in contract.line_ids
                ],
            }
        )

    @staticmethod
    def _journal_items(invoice):
        return sorted(
            (
                line.display_type,
                line.account_id.id,
                line.partner_id.id,
                tuple(line.tax_ids.ids),
                tuple(line.tax_tag_ids.ids),
                line.tax_repartition_line_id.id,
                line.balance,
                line.amount_currency,
                line.tax_base_amount,
                line.date_maturity,
                str(line.analytic_distribution or {}),
            )
            for line in invoice.line_ids
        )

    def test_billed_invoices_are_the_ones_odoo_computes_itself(self):
        self.customer_b.property_account_position_id = self.reverse_charge
        contracts = (
            self._two_line_contract(billing_period="monthly", next_billing_date=self.today)
            | self._two_line_contract(
                self.customer_b,
                billing_period="quarterly",
                next_billing_date=self.today,
                payment_term_id=self.two_instalments.id,
            )
            | self._two_line_contract(
                billing_period="yearly", next_billing_date=self.today, payment_term_id=self.two_instalments.id
            )
        )
        # An untaxed line: Odoo keeps the amount it is given on such a line without computing it again.
        contracts[2].line_ids = [Command.create({"product_id": self.untaxed_fee.id, "quantity": 3})]
        periods = {contract: contract.next_billing_date for contract in contracts}
        expected = {contract: self._reference_invoice(contract) for contract in contracts}
        for contract in contracts:
            # The figures handed over up front are Odoo's own, line by line (otherwise Odoo writes each
            # line again after creating it, which is what they are there to spare).
            given = contract.line_ids._prepare_invoice_lines_values(contract.company_id)
            self.assertEqual(
                [(vals["balance"], vals["amount_currency"], vals["tax_tag_ids"]) for vals in given],
                [
                    (line.balance, line.amount_currency, [Command.set(line.tax_tag_ids.ids)])
                    for line in expected[contract].invoice_line_ids
                ],
            )
        invoices = contracts._create_period_invoices()
        self.assertEqual(len(invoices), 3)
        for contract, invoice in zip(contracts, invoices, strict=True):
            reference = expected[contract]
            self.assertEqual(invoice.customer_contract_period_date, periods[contract])
            self.assertEqual(self._journal_items(invoice), self._journal_items(reference))
            self.assertEqual(
                (invoice.amount_untaxed, invoice.amount_tax, invoice.amount_total),
                (reference.amount_untaxed, reference.amount_tax, reference.amount_total),
            )
            self.assertAlmostEqual(invoice.amount_total, contract.amount_total)
            self.assertEqual(invoice.fiscal_position_id, contract.fiscal_position_id)
        with_tag = invoices[0].line_ids.filtered(lambda line: line.tax_ids == self.vat_22)
        self.assertEqual(with_tag.tax_tag_ids, self.base_tag, "the tax report tags reach the invoice")
        self.assertEqual(
            len(invoices[1].line_ids.filtered(lambda line: line.display_type == "payment_term")), 2
        )

    def test_one_click_invoice_uses_the_contract_taxes(self):
        contract = self._two_line_contract()
        contract.line_ids[0].tax_ids = self.vat_10_included  # agreed on this contract, unlike the product
        action = contract.action_create_invoice()
        invoice = self.env["account.move"].browse(action["res_id"])
        self.assertEqual(invoice.invoice_line_ids.mapped("tax_ids"), self.vat_10_included)
        self.assertAlmostEqual(invoice.amount_total, contract.amount_total)
        self.assertAlmostEqual(contract.amount_total, 160.0 + 55.05)

    def test_order_terms_reach_the_contract_and_its_invoices(self):
        """Discount, taxes, analytics and fiscal position agreed on the order go to the contract."""
        order = self.env["sale.order"].create(
            {
                "partner_id": self.customer_a.id,
                "fiscal_position_id": self.reverse_charge.id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": self.other_service.id,
                            "product_uom_qty": 4,
                            "price_unit": 50.0,
                            "discount": 10.0,
                            "tax_ids": [Command.set(self.vat_22.ids)],
                            "analytic_distribution": {str(self.analytic_account.id): 100},
                        }
                    )
                ],
            }
        )
        order.action_confirm()
        contract = self.env["customer.contract"].browse(order.action_create_customer_contract()["res_id"])
        line = contract.line_ids
        self.assertEqual(contract.fiscal_position_id, self.reverse_charge)
        self.assertEqual((line.discount, line.tax_ids), (10.0, self.vat_22), "as agreed, not the product's")
        self.assertEqual(line.analytic_distribution, {str(self.analytic_account.id): 100})
        self.assertAlmostEqual(line.price_subtotal, 180.0)
        self.assertAlmostEqual(contract.amount_total, order.amount_total)

        contract.write({"state": "signed", "billing_period": "monthly", "next_billing_date": self.today})
        reference = self._reference_invoice(contract)
        invoice = contract._create_period_invoices()
        self.assertEqual(self._journal_items(invoice), self._journal_items(reference))
        self.assertEqual(invoice.invoice_line_ids.discount, 10.0)
        self.assertAlmostEqual(invoice.amount_total, order.amount_total)
