from odoo import Command
from odoo.tests import Form, tagged

from .common import ContractCase


@tagged("post_install", "-at_install")
class TestCustomerCard(ContractCase):
    """The customer card: its Contracts tab and smart button, and the customer's services offered first."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.private = cls.env["res.partner"].create({"name": "Giulia Verdi", "email": "giulia@x.test"})
        cls.newcomer = cls.env["res.partner"].create({"name": "Nuovo Cliente SRL", "is_company": True})

    # ------------------------------------------------------------
    # CONTRACTS TAB
    # ------------------------------------------------------------

    def test_tab_lists_the_contracts_of_the_customer_and_its_contacts(self):
        of_contact = self._contract()  # on A's portal contact, as the demo company has them
        of_company = self._contract(partner=self.customer_a)
        self._contract(partner=self.customer_b)
        family = of_contact | of_company
        for partner in (self.customer_a, self.portal_user_a.partner_id):
            with self.subTest(partner=partner.name):
                self.assertEqual(partner.customer_family_contract_ids, family)
                self.assertEqual(partner.customer_contract_count, 2, "the smart button agrees with the tab")
                action = partner.action_view_customer_contracts()
                self.assertEqual(self.env["customer.contract"].search(action["domain"]), family)

    def test_tab_for_a_private_person_and_a_salesman(self):
        own = self._contract(partner=self.private)
        theirs = self._contract(partner=self.private, user_id=self.admin_user.id)
        self.assertEqual(self.private.customer_family_contract_ids, own | theirs)
        as_salesman = self.private.with_user(self.salesman)
        self.assertEqual(as_salesman.customer_family_contract_ids, own, "the record rules apply to both")
        self.assertEqual(as_salesman.customer_contract_count, 1)

    def test_tab_opens_creates_and_edits_contracts(self):
        action = self.private.with_user(self.salesman).action_new_customer_contract()
        contract_form = Form(
            self.env["customer.contract"].with_user(self.salesman).with_context(**action["context"])
        )
        contract_form.title = "Garden maintenance"
        with contract_form.line_ids.new() as line:
            line.product_id = self.service
        contract = contract_form.save()
        self.assertEqual(contract.partner_id, self.private)
        # The card saves what the tab's dialog sends; the contract is edited in its own form.
        partner_form = Form(self.private.with_user(self.salesman))
        self.assertIn(contract, partner_form.customer_family_contract_ids)
        partner_form.save()
        edited = Form(partner_form.customer_family_contract_ids[0])
        edited.title = "Garden and hedges"
        edited.save()
        self.assertEqual(contract.title, "Garden and hedges")
        self.assertEqual(self.private.customer_family_contract_ids, contract)

    # ------------------------------------------------------------
    # THE CUSTOMER'S SERVICES FIRST
    # ------------------------------------------------------------

    def _first_products(self, partner, name="", limit=8):
        Product = self.env["product.product"].with_user(self.salesman)
        if partner:
            Product = Product.with_context(customer_services_partner_id=partner.id)
        return [pid for pid, _name in Product.name_search(name, [("sale_ok", "=", True)], limit=limit)]

    def test_customer_services_come_first_then_the_catalogue(self):
        self.env["product.product"].create([{"name": f"Filler {i}", "type": "service"} for i in range(10)])
        self._signed_contract(
            line_ids=[
                Command.create({"product_id": self.other_service.id, "quantity": 1, "price_unit": 50.0})
            ]
        )
        products = self._first_products(self.customer_a)
        # Services of A's confirmed order and of its signed contract, then the rest of the catalogue.
        self.assertCountEqual(products[:2], (self.service | self.other_service).ids)
        self.assertEqual(len(products), 8, "the dropdown is filled from the whole catalogue")
        self.assertEqual(self.customer_a._customer_service_products(), self.service | self.other_service)
        # A contact of A gets its company's services.
        self.assertCountEqual(self._first_products(self.portal_user_a.partner_id)[:2], products[:2])
        # The search text still filters both parts.
        self.assertEqual(self._first_products(self.customer_a, "Software")[0], self.other_service.id)
        self.assertNotIn(self.service.id, self._first_products(self.customer_a, "Software"))

    def test_new_customer_gets_the_catalogue_and_the_card_list_first(self):
        self.env["product.product"].create([{"name": f"Filler {i}", "type": "service"} for i in range(10)])
        self.assertFalse(self.newcomer._customer_service_products())
        self.assertEqual(self._first_products(self.newcomer), self._first_products(None))
        self.assertEqual(len(self._first_products(self.newcomer)), 8, "never an empty list")
        self.newcomer.agreed_service_ids = self.goods
        self.assertEqual(self._first_products(self.newcomer)[0], self.goods.id, "the card's list comes first")
        self.assertEqual(
            self._first_products(
                self.env["res.partner"].create({"name": "Rita", "parent_id": self.newcomer.id})
            )[0],
            self.goods.id,
        )

    def test_invoice_and_contract_lines_ask_for_the_customer_services(self):
        view = self.env.ref("account.view_move_form")
        arch = self.env["account.move"].get_view(view.id, "form")["arch"]
        self.assertIn("customer_services_partner_id", arch)
        arch = self.env["customer.contract"].get_view(False, "form")["arch"]
        self.assertIn("customer_services_partner_id", arch)
        self.assertNotIn("allowed_product_ids)", arch, "no longer limited to the services sold before")
