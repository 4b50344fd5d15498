from odoo import models


class ResUsers(models.Model):
    _inherit = "res.users"

    def _portal_area_allowed(self, flag=None, internal=True):
        """Whether this user may use the customer's reserved area, and its option `flag` if given.

        Portal users as their contact's options say; internal users as `internal` says (staff see the
        customer pages, while some customer-only actions are not theirs); the public user never.
        """
        self.ensure_one()
        if self._is_public():
            return False
        if not self.share:
            return internal
        return self.partner_id.sudo()._portal_has_access(flag)
