from odoo import api, models


class SignedDocumentLineMixin(models.AbstractModel):
    """A line of a signed document (signed.document.mixin): part of the signed content, so it is neither
    created, changed, moved nor deleted once its document is signed.

    The line model names its many2one to the document in `_signed_document_field`; the document lists
    the line fields it hashes in its `_signed_line_fields`.
    """

    _name = "signed.document.line.mixin"
    _description = "Line of a document signed by the customer"

    # Name of the line's many2one to its signed document, e.g. "contract_id".
    _signed_document_field = None

    @api.model_create_multi
    def create(self, vals_list):
        field = self._signed_document_field
        self._signed_documents(
            {vals[field] for vals in vals_list if vals.get(field)}
        )._check_signed_lines_editable()
        return super().create(vals_list)

    def write(self, vals):
        field = self._signed_document_field
        documents = self[field]
        if vals.get(field):  # nor moved onto a signed one
            documents |= self._signed_documents([vals[field]])
        documents._check_signed_lines_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        self[self._signed_document_field]._check_signed_lines_editable()

    def _signed_documents(self, ids):
        """The signed documents of ids `ids`."""
        return self.env[self._fields[self._signed_document_field].comodel_name].browse(ids)
