from odoo import api, fields, models
from odoo.exceptions import UserError


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Options of each portal contact of a customer ("Portal access" tab). Other addons of the suite add
    # their own flags next to this one in views/res_partner_views.xml.
    portal_reserved_area = fields.Boolean(
        string="Reserved area access",
        copy=False,
        tracking=True,
        help="Ticking invites the contact to the customer portal (e-mail with a link to set a password); "
        "unticking revokes the portal access without deleting anything.",
    )
    portal_contact_ids = fields.One2many(
        "res.partner",
        "parent_id",
        string="Portal contacts",
        domain=[("type", "=", "contact"), ("is_company", "=", False)],
        help="The customer's contacts, each with its own portal options.",
    )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        partners.filtered("portal_reserved_area")._portal_grant_reserved_area()
        return partners

    def write(self, vals):
        changed = self.browse()
        if "portal_reserved_area" in vals:
            changed = self.filtered(lambda p: p.portal_reserved_area != bool(vals["portal_reserved_area"]))
        res = super().write(vals)
        if vals.get("portal_reserved_area"):
            changed._portal_grant_reserved_area()
        elif changed:
            changed._portal_revoke_reserved_area()
        if self._portal_rule_fields() & set(vals):
            # The suite's portal record rules read these flags: drop the cached rule domains.
            self.env.registry.clear_cache()
        return res

    # ------------------------------------------------------------
    # HELPERS
    # ------------------------------------------------------------

    def _portal_wizard_users(self):
        wizard = self.env["portal.wizard"].sudo().create({"partner_ids": [fields.Command.set(self.ids)]})
        return wizard.user_ids

    def _portal_grant_reserved_area(self):
        """Invite each contact through Odoo's portal wizard: a portal user and the set-password e-mail."""
        for partner in self:
            if not partner.email:
                raise UserError(
                    self.env._(
                        "%(contact)s needs an e-mail address to be invited to the portal.",
                        contact=partner.name,
                    )
                )
        for wizard_user in self._portal_wizard_users():
            if not (wizard_user.is_portal or wizard_user.is_internal):
                wizard_user.action_grant_access()

    def _portal_revoke_reserved_area(self):
        for wizard_user in self._portal_wizard_users():
            if wizard_user.is_portal:
                wizard_user.action_revoke_access()

    @api.model
    def _portal_rule_fields(self):
        """Fields of res.partner that portal record rules read (addons add their own flags)."""
        return {"portal_reserved_area"}

    def _portal_has_access(self, flag=None):
        """Whether this contact may use the customer's reserved area (and, if given, the option `flag`).

        It takes an active portal user too: a user revoked with Odoo's portal wizard, archived or taken out
        of the portal group loses the reserved area and whatever is sent for it, even with the flags kept.
        """
        self.ensure_one()
        return bool(
            self.portal_reserved_area
            and (not flag or self[flag])
            and any(user.active and user._is_portal() for user in self.sudo().user_ids)
        )
