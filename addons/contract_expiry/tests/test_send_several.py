import re

from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged

from .common import ContractCase


@tagged("post_install", "-at_install")
class TestSendSeveral(ContractCase, HttpCase):
    """Several contracts of a customer in one e-mail, and the licence e-mail of a software contract."""

    def _mails_of(self, contracts):
        return self.env["mail.message"].search(
            [
                ("model", "=", "customer.contract"),
                ("res_id", "in", contracts.ids),
                ("message_type", "=", "comment"),
            ]
        )

    def test_one_email_with_each_pdf_and_each_link(self):
        heating = self._contract(title="Heating maintenance")
        cooling = self._contract(title="Cooling maintenance", partner=self.customer_a)
        contracts = heating | cooling
        result = contracts.with_user(self.salesman).action_send_several_for_signature()
        self.assertEqual(result["params"]["type"], "success")
        self.assertEqual(set(contracts.mapped("state")), {"sent"})
        message = self._mails_of(contracts)
        self.assertEqual(len(message), 1, "one e-mail")
        self.assertEqual(message.partner_ids, contracts.partner_id)
        self.assertEqual(
            sorted(message.attachment_ids.mapped("name")),
            sorted(f"{c._get_report_base_filename()}.pdf" for c in contracts),
        )
        for contract in contracts:
            self.assertIn(contract.access_token, message.body)
        self.assertIn("Sent for signature in one e-mail", cooling.message_ids[0].body)
        # Each link opens its own contract for the customer, signed in or not.
        links = re.findall(r'href="[^"]*(/my/contracts/\d+\?access_token=[\w-]+)', message.body)
        self.assertEqual(len(links), 2)
        for link in links:
            page = self.url_open(link.replace("&amp;", "&"))
            self.assertEqual(page.status_code, 200)
            self.assertIn("o_contract_sign", page.text)

    def test_contracts_of_two_customers_or_signed_ones_are_refused(self):
        mixed = self._contract() | self._contract(partner=self.customer_b)
        with self.assertRaisesRegex(UserError, "one customer"):
            mixed._send_several_for_signature()
        signed = self._signed_contract()
        with self.assertRaisesRegex(UserError, "not possible"):
            (signed | self._contract())._send_several_for_signature()
        self.assertEqual(set(mixed.mapped("state")), {"draft"}, "nothing sent")

    def test_licence_sent_only_for_a_running_signed_software_contract(self):
        running = self._signed_contract(kind="software")
        action = running.with_user(self.salesman).action_send_licence()
        template = self.env.ref("contract_expiry.mail_template_contract_licence")
        self.assertEqual(action["context"]["default_template_id"], template.id)
        running.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
        self.assertIn("Software licence", running.message_ids[0].attachment_ids.name)
        service = self._signed_contract()
        sent = self._contract(kind="software")
        sent._send_for_signature()
        expired = self._signed_contract(kind="software")
        expired.state = "expired"
        for contract in (service, sent, expired):
            with self.subTest(state=contract.state, kind=contract.kind), self.assertRaises(UserError):
                contract.action_send_licence()
        # Choosing the template by hand in the composer does not get around it: the licence is refused.
        with self.assertRaisesRegex(UserError, "running"):
            sent.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
