from odoo import api, models
from odoo.exceptions import UserError

# The attachment fields that make up a signed file: its content and its name are in the fingerprint.
LOCKED_ATTACHMENT_FIELDS = frozenset({"raw", "datas", "db_datas", "store_fname", "name", "url", "type"})


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def write(self, vals):
        if LOCKED_ATTACHMENT_FIELDS & set(vals):
            self._check_not_signed_contract_file()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed_contract_file(self):
        self._check_not_signed_contract_file()

    def _check_not_signed_contract_file(self):
        """Refuse changing or deleting a file of a signed contract (its documents, signed PDF, scan):
        the contract's lock covers the files, not only which files it holds. The superuser's own code
        (file storage migration, a new revision's cleanup) is let through."""
        if self.env.su or not self.ids:
            return
        contract = (
            self.env["customer.contract"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [
                    ("is_signed", "=", True),
                    "|",
                    "|",
                    ("document_ids", "in", self.ids),
                    ("signed_pdf_id", "in", self.ids),
                    ("paper_signature_scan_id", "in", self.ids),
                ],
                limit=1,
            )
        )
        if contract:
            raise UserError(
                self.env._(
                    "This file belongs to the signed contract %(contract)s: it cannot change or be "
                    "deleted. Start a new revision of the contract to replace it.",
                    contract=contract.display_name,
                )
            )
