from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from .common import OrdersCommon


@tagged("post_install", "-at_install")
class TestOneClickPerStep(OrdersCommon):
    def test_offer_to_invoice_confirms_on_the_way(self):
        offer = self._create_order(qty=2, user=self.salesman)
        self.assertEqual(offer.state, "draft")
        action = offer.with_user(self.salesman).action_create_draft_invoice()
        invoice = self.env["account.move"].browse(action["res_id"])
        self.assertEqual(offer.state, "sale", "the offer was confirmed on the way")
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.state, "draft")
        self.assertEqual(invoice.amount_untaxed, 200)
        self.assertEqual(offer.invoice_status, "invoiced")

    def test_offer_with_nothing_to_invoice_stays_an_offer(self):
        self.product.invoice_policy = "delivery"
        offer = self._create_order(user=self.salesman)
        with self.assertRaises(UserError):
            offer.with_user(self.salesman).action_create_draft_invoice()
        self.assertEqual(offer.state, "draft", "nothing is confirmed half-way")
        self.assertFalse(offer.invoice_ids)

    def test_timeline_shows_the_invoicing_status(self):
        offer = self._create_order()
        self.env.cr.precommit.run()
        offer.action_create_draft_invoice()
        self.env.cr.precommit.run()
        offer.invalidate_recordset(["timeline_html"])
        html = str(offer.timeline_html)
        self.assertIn("Invoice Status", html)
        self.assertIn("Fully Invoiced", html)

    def test_transform_into_customer_by_hand(self):
        lead = self.env["crm.lead"].create(
            {
                "name": "Assistenza caldaie",
                "type": "opportunity",
                "partner_name": "Verdi Impianti Srl",
                "contact_name": "Anna Verdi",
                "email_from": "anna@verdi.example.com",
                "user_id": self.salesman.id,
            }
        )
        action = lead.with_user(self.salesman).action_crm_make_customer()
        self.assertEqual(lead.won_status, "won")
        contact = lead.partner_id
        self.assertEqual(contact.name, "Anna Verdi")
        self.assertEqual(contact.parent_id.name, "Verdi Impianti Srl")
        self.assertEqual(contact.parent_id.customer_rank, 1)
        self.assertEqual(action["res_model"], "res.partner")
        self.assertEqual(action["res_id"], contact.parent_id.id)

    def test_transform_refused_for_a_lost_lead_or_a_lead_without_anyone(self):
        lost = self.env["crm.lead"].create({"name": "Lost", "type": "opportunity", "contact_name": "X"})
        lost.action_set_lost()
        with self.assertRaises(UserError):
            lost.with_user(self.salesman).action_crm_make_customer()
        nobody = self.env["crm.lead"].create({"name": "Nobody", "type": "opportunity"})
        with self.assertRaises(UserError):
            nobody.with_user(self.salesman).action_crm_make_customer()
        self.assertNotEqual(nobody.won_status, "won")
        self.assertFalse(nobody.partner_id)

    def test_transform_refused_on_a_lead_the_salesman_may_not_edit(self):
        own_leads_only = new_test_user(
            self.env, login="crm_own_leads", groups="sales_team.group_sale_salesman"
        )
        lead = self.env["crm.lead"].create(
            {"name": "Not his", "type": "opportunity", "contact_name": "Y", "user_id": self.salesman.id}
        )
        with self.assertRaises(AccessError):
            lead.with_user(own_leads_only).action_crm_make_customer()
        self.assertNotEqual(lead.won_status, "won")
        self.assertFalse(lead.partner_id)
