from odoo.addons.account_payment.tests.common import AccountPaymentCommon
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import OrdersCommon

# 1x1 transparent PNG, enough for the signature image field
SIGNATURE_PNG = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)

INCOMING_EMAIL = """Return-Path: <giulia@bianchi.example.com>
From: Giulia Bianchi <giulia@bianchi.example.com>
To: {to}
Subject: Offerta per assistenza software
Message-ID: <crm-orders-ext-1@bianchi.example.com>
Date: Tue, 24 Nov 2026 09:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"

Buongiorno, vorremmo un'offerta per l'assistenza.
"""


@tagged("post_install", "-at_install")
class TestLeadToInvoice(OrdersCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        alias_domain = cls.env["mail.alias.domain"].create({"name": "suite.example.com"})
        cls.company.alias_domain_id = alias_domain
        cls.team = cls.env["crm.team"].create(
            {
                "name": "Inbound",
                "use_leads": True,
                "use_opportunities": True,
                "alias_name": "offers",
                "alias_domain_id": alias_domain.id,
                "member_ids": [(4, cls.salesman.id)],
            }
        )

    @mute_logger("odoo.addons.mail.models.mail_thread")
    def test_email_to_invoice(self):
        self.env["mail.thread"].message_process(False, INCOMING_EMAIL.format(to=self.team.alias_email))
        lead = self.env["crm.lead"].search([("email_from", "ilike", "giulia@bianchi.example.com")])
        self.assertEqual(len(lead), 1, "the e-mail to the team alias became a lead")
        self.assertEqual(lead.team_id, self.team)
        lead.partner_name = "Bianchi Impianti"

        action = lead.with_user(self.salesman).action_crm_create_offer()
        order = self.env["sale.order"].browse(action["res_id"])
        self.assertEqual(lead.type, "opportunity")
        self.assertEqual(order.opportunity_id, lead)
        self.assertTrue(order.partner_id.is_company)
        self.assertEqual(order.partner_id.name, "Bianchi Impianti")
        self.assertEqual(order.contact_person_id.parent_id, order.partner_id)
        self.assertEqual(order.contact_person_id.email, "giulia@bianchi.example.com")
        self.assertNotEqual(lead.won_status, "won", "an offer alone does not win the lead")

        order.with_user(self.salesman).write(
            {"order_line": [(0, 0, {"product_id": self.product.id, "product_uom_qty": 3})]}
        )
        order.with_user(self.salesman).action_confirm()
        self.assertEqual(lead.won_status, "won")
        self.assertGreaterEqual(order.partner_id.customer_rank, 1)

        action = order.with_user(self.salesman).action_create_draft_invoice()
        invoice = self.env["account.move"].browse(action["res_id"])
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.partner_id, order.partner_id)
        self.assertEqual(invoice.amount_untaxed, 300)
        self.assertEqual(order.invoice_status, "invoiced")
        with self.assertRaises(UserError):
            order.action_create_draft_invoice()

    def test_acceptance_makes_company_customer(self):
        """An offer made by hand to a private contact: acceptance creates the company behind it."""
        private = self.env["res.partner"].create({"name": "Ana Popescu", "email": "ana@popescu.example.com"})
        lead = self.env["crm.lead"].create(
            {
                "name": "Servicii",
                "type": "opportunity",
                "partner_id": private.id,
                "partner_name": "Popescu SRL",
            }
        )
        order = self._create_order(partner=private)
        order.opportunity_id = lead
        order.write({"signature": SIGNATURE_PNG, "signed_by": "Ana Popescu"})
        self.assertEqual(lead.won_status, "won")
        self.assertEqual(private.parent_id.name, "Popescu SRL")
        self.assertTrue(private.parent_id.is_company)
        self.assertEqual(private.parent_id.customer_rank, 1)

    def test_lost_lead_gets_no_offer(self):
        lead = self.env["crm.lead"].create({"name": "Lost one", "contact_name": "X"})
        lead.action_set_lost()
        with self.assertRaises(UserError):
            lead.action_crm_create_offer()
        self.assertFalse(lead.order_ids)


@tagged("post_install", "-at_install")
class TestPaidOnline(AccountPaymentCommon, OrdersCommon):
    def test_online_payment_makes_the_lead_a_customer(self):
        """The customer pays the salesman's offer online: the order confirms and the lead is won.

        The provider is Odoo's own dummy test provider (account_payment's test base), so the test needs no
        provider module the addon does not depend on; the payment is processed as the provider's
        notification route does, in sudo."""
        salesman_env = self.env(user=self.salesman)
        lead = salesman_env["crm.lead"].create(
            {"name": "Pagamento online", "partner_name": "Gialli SRL", "contact_name": "Ugo Gialli"}
        )
        order = salesman_env["sale.order"].browse(lead.action_crm_create_offer()["res_id"])
        order.write({"order_line": [(0, 0, {"product_id": self.product.id})], "require_payment": True})
        order.action_quotation_sent()
        tx = (
            self.env["payment.transaction"]
            .sudo()
            .create(
                {
                    "provider_id": self.provider.id,
                    "payment_method_id": self.payment_method_id,
                    "amount": order.amount_total,
                    "currency_id": order.currency_id.id,
                    "partner_id": order.partner_id.id,
                    "reference": f"{order.name}-crm",
                    "operation": "online_redirect",
                    "sale_order_ids": [(6, 0, order.ids)],
                }
            )
        )
        tx._set_done()
        tx._post_process()
        self.assertEqual(order.state, "sale")
        self.assertEqual(lead.won_status, "won")
        self.assertTrue(tx.payment_id, "the payment is registered in accounting")
        self.assertEqual(order.partner_id.customer_rank, 1)
