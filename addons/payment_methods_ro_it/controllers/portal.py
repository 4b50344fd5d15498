from werkzeug.exceptions import NotFound

from odoo import http
from odoo.addons.account_payment.controllers.portal import PortalAccount
from odoo.exceptions import AccessError, MissingError
from odoo.http import request


class PaymentPortalAccount(PortalAccount):
    @http.route()
    def portal_my_invoice_detail(self, invoice_id, access_token=None, **kw):
        # A logged-in customer asking for someone else's invoice gets a plain 404 instead of a
        # redirect, so the pay link of another customer reveals nothing.
        if not request.env.user._is_public():
            try:
                self._document_check_access("account.move", invoice_id, access_token)
            except (AccessError, MissingError) as error:
                raise NotFound() from error
        return super().portal_my_invoice_detail(invoice_id, access_token=access_token, **kw)
