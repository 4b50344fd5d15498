from werkzeug.exceptions import NotFound

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError, MissingError
from odoo.http import request


class CustomerPortalBase(CustomerPortal):
    """What the suite's portal routes share; their controllers derive from this class."""

    def _document_or_404(self, model, res_id, access_token=None):
        """The document (sudo) the visitor may open, by the record rules or a valid token, else 404.

        A 404 whether the document is missing or another customer's: a visitor learns nothing of ids.
        """
        try:
            return self._document_check_access(model, res_id, access_token=access_token)
        except (AccessError, MissingError):
            raise NotFound() from None

    def _portal_sign_document(self, model, res_id, access_token, name, signature, invalid_message=None):
        """Body of the jsonrpc route the portal signature widget calls for a signed.document.mixin record:
        check the access, then sign."""
        # The widget posts to the page's URL: a token-only signer's token comes in the query string.
        access_token = access_token or request.httprequest.args.get("access_token")
        try:
            record_sudo = self._document_check_access(model, res_id, access_token=access_token)
        except (AccessError, MissingError):
            return {"error": invalid_message or request.env._("Invalid document.")}
        return record_sudo._portal_sign(name, signature, ip=request.httprequest.remote_addr)
