from werkzeug.exceptions import NotFound

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager
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

    def _portal_list_values(
        self, model, domain, url, sortings, sortby, page, records_key, page_name, step=None
    ):
        """Values of a paged /my list of ``model``, sorted by ``sortby`` (a key of ``sortings``, else the
        first): the page's records under ``records_key``, the pager and the sortings. The ids go to the
        session history that the detail pages' previous/next buttons read."""
        step = step or self._items_per_page
        sortby = sortby if sortby in sortings else next(iter(sortings))
        Model = request.env[model]
        pager = portal_pager(
            url=url, url_args={"sortby": sortby}, total=Model.search_count(domain), page=page, step=step
        )
        records = Model.search(domain, order=sortings[sortby]["order"], limit=step, offset=pager["offset"])
        request.session[f"my_{records_key}_history"] = records.ids[:100]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                records_key: records,
                "page_name": page_name,
                "pager": pager,
                "default_url": url,
                "searchbar_sortings": sortings,
                "sortby": sortby,
            }
        )
        return values

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
