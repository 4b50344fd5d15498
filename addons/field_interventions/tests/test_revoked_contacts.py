from datetime import timedelta

from odoo import Command, fields
from odoo.tests import tagged

from .common import InterventionsCase, signature_image_b64


@tagged("post_install", "-at_install")
class TestRevokedContacts(InterventionsCase):
    """A contact whose portal access is gone, however it went, receives nothing any more."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact_a.write({"intervention_reminder": True, "intervention_sheet_copy": True})
        cls.now = fields.Datetime.now().replace(microsecond=0)

    def _portal_wizard_user(self, contact):
        wizard = self.env["portal.wizard"].create({"partner_ids": [Command.set(contact.ids)]})
        return wizard.user_ids.filtered(lambda u: u.partner_id == contact)

    def _reminder_mails(self, intervention):
        return self.env["mail.mail"].search(
            [("model", "=", "field.intervention"), ("res_id", "=", intervention.id)]
        )

    def _assert_receives_nothing(self, contact):
        intervention = self._intervention(start=self.now + timedelta(days=3))
        self.assertNotIn(contact, intervention._reminder_recipients())
        self.env["field.intervention"]._cron_send_reminders()
        self.assertTrue(intervention.reminder_second_sent, "the reminder was due")
        self.assertFalse(self._reminder_mails(intervention).recipient_ids & contact, "no reminder")
        signed = self._done_intervention()
        signed._sign("Anna Alfa", signature_image_b64(), ip="10.0.0.7")
        self.assertEqual(signed.state, "signed")
        self.assertFalse(signed.message_ids.filtered(lambda m: contact in m.partner_ids), "no signed copy")

    def test_revoked_with_odoo_portal_wizard(self):
        self.assertEqual(self._intervention()._reminder_recipients(), self.contact_a, "a recipient so far")
        self._portal_wizard_user(self.contact_a).action_revoke_access()
        self.assertFalse(self.portal_user_a.active)
        # Odoo's wizard knows nothing of the suite's options: they stay, and no longer count.
        self.assertTrue(self.contact_a.portal_reserved_area and self.contact_a.intervention_reminder)
        self._assert_receives_nothing(self.contact_a)
        # Granted again with the same wizard: the options kept apply again.
        self._portal_wizard_user(self.contact_a).action_grant_access()
        self.assertTrue(self.portal_user_a.active)
        self.assertEqual(self._intervention()._reminder_recipients(), self.contact_a)

    def test_archived_user(self):
        self.portal_user_a.action_archive()
        self._assert_receives_nothing(self.contact_a)

    def test_user_out_of_the_portal_group(self):
        self.portal_user_a.write({"group_ids": [Command.set(self.env.ref("base.group_public").ids)]})
        self.assertFalse(self.portal_user_a._is_portal())
        self._assert_receives_nothing(self.contact_a)

    def test_contact_flagged_without_a_user(self):
        contact = self.env["res.partner"].create(
            {"name": "Carla Rossi", "email": "carla@alfa.test", "parent_id": self.customer_a.id}
        )
        # Flags written around the invitation (an import, a script): without a portal user they mean nothing.
        contact.sudo()._write({"portal_reserved_area": True, "intervention_reminder": True})
        contact.invalidate_recordset()
        self.assertFalse(contact._portal_has_access("intervention_reminder"))
        self._assert_receives_nothing(contact)
