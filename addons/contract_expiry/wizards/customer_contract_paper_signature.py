import base64
import binascii

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CustomerContractPaperSignature(models.TransientModel):
    _name = "customer.contract.paper.signature"
    _description = "Record a contract signed on paper"

    contract_id = fields.Many2one("customer.contract", required=True, ondelete="cascade", readonly=True)
    signer_name = fields.Char(
        string="Signed by",
        required=True,
        compute="_compute_signer_name",
        store=True,
        readonly=False,
        precompute=True,
        help="The name of the person who signed the paper for the customer.",
    )
    signed_date = fields.Date(string="Signed on", required=True, default=fields.Date.context_today)
    scan = fields.Binary(string="Scan of the signed contract", required=True, attachment=False)
    scan_name = fields.Char(string="File name")
    # Shown only: `_sign_on_paper` records the current user whatever the client sends.
    recorded_by_id = fields.Many2one(
        "res.users", string="Recorded by", default=lambda self: self.env.user, readonly=True
    )

    @api.depends("contract_id")
    def _compute_signer_name(self):
        for wizard in self:
            wizard.signer_name = wizard.signer_name or wizard.contract_id.partner_id.name

    def action_confirm(self):
        self.ensure_one()
        try:
            raw = base64.b64decode(self.scan or b"", validate=True)
        except (binascii.Error, ValueError):
            raise ValidationError(self.env._("The scan is not a valid file.")) from None
        self.contract_id._sign_on_paper(self.signer_name, self.signed_date, self.scan_name, raw)
        return {"type": "ir.actions.act_window_close"}
