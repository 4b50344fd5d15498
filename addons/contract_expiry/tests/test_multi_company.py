from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import ContractCase


@tagged("post_install", "-at_install")
class TestContractMultiCompany(ContractCase):
    """The lines of a company's contracts are not readable from another company, whatever the user's
    sales rights."""

    def test_other_company_reads_none_of_the_lines(self):
        contract = self._contract(user_id=False)
        lines = contract.line_ids
        self.assertTrue(lines)
        company_b = self.env["res.company"].create({"name": "Beta Contracts SRL"})
        for login, groups in (
            ("ce_salesman_b", "sales_team.group_sale_salesman"),
            ("ce_manager_b", "sales_team.group_sale_manager"),
            ("ce_admin_b", "contract_expiry.group_contract_admin"),
        ):
            user = new_test_user(
                self.env, login=login, groups=groups, company_id=company_b.id, company_ids=[company_b.id]
            )
            with self.subTest(user=login):
                Line = self.env["customer.contract.line"].with_user(user)
                self.assertFalse(Line.search([("id", "in", lines.ids)]))
                self.assertFalse(Line.search_count([("contract_id", "=", contract.id)]))
                with self.assertRaises(AccessError):
                    lines.with_user(user).read(["name"])
        # Company A's salesman still reads them.
        Line = self.env["customer.contract.line"].with_user(self.salesman)
        self.assertEqual(Line.search([("id", "in", lines.ids)]), lines)
