from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tests import tagged

from .common import PortalCustomersCase


@tagged("post_install", "-at_install")
class TestPortalAccess(PortalCustomersCase):
    def _invitation_mails(self, partner):
        return self.env["mail.mail"].sudo().search([("recipient_ids", "in", partner.ids)])

    def test_ticking_reserved_area_invites_the_contact(self):
        contact = self.env["res.partner"].create(
            {"name": "Carla Rossi", "email": "carla@alfa.test", "parent_id": self.customer_a.id}
        )
        self.assertFalse(contact.user_ids)
        self.assertIn(contact, self.customer_a.portal_contact_ids)
        # what the card's editable list of contacts saves when the toggle is ticked (a Form of the whole card
        # would depend on the other addons' tabs: Form turns a nested x2many of res.partner into a many2many)
        self.customer_a.write(
            {"portal_contact_ids": [Command.update(contact.id, {"portal_reserved_area": True})]}
        )
        user = contact.with_context(active_test=False).user_ids
        self.assertTrue(user, "a portal user was created for the contact")
        self.assertTrue(user._is_portal())
        self.assertTrue(user.active)
        self.assertTrue(self._invitation_mails(contact), "the set-password invitation was sent")
        self.assertTrue(contact.signup_type, "the invitation carries a signup token")

    def test_unticking_revokes_without_deleting(self):
        contact = self.env["res.partner"].create(
            {"name": "Dan Popescu", "email": "dan@alfa.test", "parent_id": self.customer_a.id}
        )
        contact.portal_reserved_area = True
        user = contact.user_ids
        contact.portal_reserved_area = False
        self.assertFalse(user.active, "the portal user is archived")
        self.assertTrue(user.exists(), "nothing is deleted")
        self.assertTrue(contact.exists())
        self.assertFalse(contact.signup_type, "the signup link no longer works")
        # Ticking again restores the same user.
        contact.portal_reserved_area = True
        self.assertTrue(user.active)
        self.assertEqual(contact.with_context(active_test=False).user_ids, user)

    def test_contact_without_email_cannot_be_invited(self):
        contact = self.env["res.partner"].create({"name": "No Mail", "parent_id": self.customer_a.id})
        with self.assertRaises(UserError):
            contact.portal_reserved_area = True
        self.assertFalse(contact.portal_reserved_area)
        self.assertFalse(contact.with_context(active_test=False).user_ids)

    def test_portal_contacts_list_the_company_contacts(self):
        self.assertIn(self.portal_user_a.partner_id, self.customer_a.portal_contact_ids)
        self.assertIn(self.portal_user_a2.partner_id, self.customer_a.portal_contact_ids)
        self.assertNotIn(self.portal_user_b.partner_id, self.customer_a.portal_contact_ids)
        self.assertTrue(self.portal_user_a.partner_id._portal_has_access())
        self.assertFalse(self.portal_user_a2.partner_id._portal_has_access())

    def test_portal_user_cannot_grant_itself_access(self):
        partner = self.portal_user_a2.partner_id.with_user(self.portal_user_a2)
        with self.assertRaises(Exception):  # noqa: B017 - AccessError from the ORM
            partner.write({"portal_reserved_area": True})
        self.assertFalse(self.portal_user_a2.partner_id.portal_reserved_area)

    def test_reserved_area_check_per_kind_of_user(self):
        """The one check the portal pages of the suite share."""
        public = self.env.ref("base.public_user")
        self.assertFalse(public._portal_area_allowed())
        self.assertTrue(self.salesman._portal_area_allowed(), "staff see the customer pages")
        self.assertFalse(self.salesman._portal_area_allowed(internal=False), "but not customer-only actions")
        self.assertTrue(self.portal_user_a._portal_area_allowed())
        self.assertFalse(self.portal_user_a2._portal_area_allowed(), "a contact without reserved area")
        # An option beside the reserved area (the other addons add theirs): both must be on.
        self.assertTrue(self.portal_user_a._portal_area_allowed("portal_reserved_area"))
        self.portal_user_a.partner_id.portal_reserved_area = False
        self.assertFalse(self.portal_user_a._portal_area_allowed("portal_reserved_area"))
