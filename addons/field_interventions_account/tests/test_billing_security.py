from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import BillingCase


@tagged("post_install", "-at_install")
class TestBillingSecurity(BillingCase):
    def test_technician_cannot_bill(self):
        intervention = self._billable()
        count = self.Move.search_count([])
        as_technician = intervention.with_user(self.technician)
        for method in ("action_create_invoice", "action_create_invoices"):
            with self.subTest(method=method), self.assertRaises(AccessError):
                getattr(as_technician, method)()
        self.assertEqual(self.Move.search_count([]), count)
        self.assertEqual(intervention.billing_state, "not_billed")
        # The button is not in the technician's form, and the list action is not offered.
        arch = self.env["field.intervention"].with_user(self.technician).get_views([(False, "form")])
        form = etree.fromstring(arch["views"]["form"]["arch"])
        self.assertFalse(form.xpath("//button[@name='action_create_invoice']"))
        accountant_arch = (
            self.env["field.intervention"].with_user(self.accountant).get_views([(False, "form")])
        )
        self.assertTrue(
            etree.fromstring(accountant_arch["views"]["form"]["arch"]).xpath(
                "//button[@name='action_create_invoice']"
            )
        )
        action = self.env.ref("field_interventions_account.field_intervention_create_invoices_server_action")
        bindings = (
            self.env["ir.actions.actions"].with_user(self.technician).get_bindings("field.intervention")
        )
        self.assertNotIn(action.id, [b["id"] for b in bindings.get("action", [])])

    @mute_logger("odoo.models")
    def test_billing_fields_not_written_directly(self):
        billed, free = self._billable(), self._billable()
        invoice = billed.with_user(self.accountant).action_create_invoice()
        invoice = self.Move.browse(invoice["res_id"])
        as_accountant = (billed | free).with_user(self.accountant)
        with self.assertRaises(AccessError):
            as_accountant[1].write({"billing_state": "billed"})
        with self.assertRaises(AccessError):
            as_accountant[0].write({"billing_state": "not_billed"})
        line = invoice.invoice_line_ids.filtered(lambda line: line.display_type == "product")[:1]
        with self.assertRaises(AccessError):
            line.with_user(self.accountant).write({"field_intervention_id": free.id})
        with self.assertRaises(AccessError):
            line.with_user(self.accountant).write({"field_intervention_id": False})
        with self.assertRaises(AccessError):
            as_accountant[1].write({"invoice_line_ids": [Command.link(line.id)]})
        with self.assertRaises(AccessError):
            self.Move.with_user(self.accountant).create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.customer_a.id,
                    "invoice_line_ids": [
                        Command.create(
                            {"name": "Forged", "price_unit": 1.0, "field_intervention_id": free.id}
                        )
                    ],
                }
            )
        self.assertEqual(free.billing_state, "not_billed")
        self.assertEqual(billed.billing_state, "billed")
        self.assertEqual(line.field_intervention_id, billed)
