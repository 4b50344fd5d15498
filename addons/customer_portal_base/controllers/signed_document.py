from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.exceptions import AccessError, MissingError
from odoo.http import request


class SignedDocumentPortal(CustomerPortal):
    """Portal routes of the suite's signed documents (signed.document.mixin) derive from this class."""

    def _portal_sign_document(self, model, res_id, access_token, name, signature, invalid_message=None):
        """Body of the jsonrpc route the portal signature widget calls: check the access, then sign."""
        # The widget posts to the page's URL: a token-only signer's token comes in the query string.
        access_token = access_token or request.httprequest.args.get("access_token")
        try:
            record_sudo = self._document_check_access(model, res_id, access_token=access_token)
        except (AccessError, MissingError):
            return {"error": invalid_message or request.env._("Invalid document.")}
        return record_sudo._portal_sign(name, signature, ip=request.httprequest.remote_addr)
