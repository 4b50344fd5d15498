from odoo import models
from odoo.fields import Domain


class MailMessage(models.Model):
    _inherit = "mail.message"

    def _order_event_subtype_id(self):
        subtype = self.env.ref("customer_portal_events.mt_order_event", raise_if_not_found=False)
        return subtype.id if subtype else False

    def _get_search_domain_share(self):
        # The customer's order events belong to the reserved area: a contact without it (or the public
        # user) finds none through the ORM, RPC or the stock chatter routes. The order page shows them
        # to the allowed ones in sudo.
        domain = super()._get_search_domain_share()
        subtype_id = self._order_event_subtype_id()
        if subtype_id and not self.env.user._portal_area_allowed():
            domain &= Domain("subtype_id", "!=", subtype_id)
        return domain

    def _get_forbidden_access(self, operation):
        forbidden = super()._get_forbidden_access(operation)
        subtype_id = self._order_event_subtype_id()
        if subtype_id and not self.env.user._is_internal() and not self.env.user._portal_area_allowed():
            forbidden |= (self - forbidden).filtered(lambda m: m.sudo().subtype_id.id == subtype_id)
        return forbidden
