import hashlib

from odoo import api, models
from odoo.exceptions import UserError


class ReportSoftwareLicence(models.AbstractModel):
    _name = "report.contract_expiry.report_software_licence"
    _description = "Software licence report"

    @api.model
    def _get_report_values(self, docids, data=None):
        contracts = self.env["customer.contract"].browse(docids)
        if contracts.filtered(lambda c: c.kind != "software"):
            raise UserError(self.env._("The software licence is printed only for software contracts."))
        # Checked here, not only in the portal route: /report/pdf/... reaches this report too.
        if contracts.filtered(lambda c: not c._licence_allowed()):
            raise UserError(
                self.env._("The software licence is given only for a signed contract that is running.")
            )
        return {
            "doc_ids": docids,
            "doc_model": "customer.contract",
            "docs": contracts,
            "licence_keys": {contract.id: self._licence_key(contract) for contract in contracts},
        }

    @api.model
    def _licence_key(self, contract):
        """A licence key seeded by the database, the contract number and the customer: stable per contract."""
        seed = self.env["ir.config_parameter"].sudo().get_param("database.uuid", "")
        digest = hashlib.sha256(
            f"{seed}:{contract.name}:{contract.commercial_partner_id.id}".encode()
        ).hexdigest()
        return "-".join(digest[i : i + 5].upper() for i in range(0, 25, 5))
