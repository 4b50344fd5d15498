from odoo import fields, models
from odoo.http import request


class FieldInterventionSignWizard(models.TransientModel):
    """Sign on the spot: the customer signs the report on the technician's tablet."""

    _name = "field.intervention.sign.wizard"
    _description = "Sign an intervention report on the spot"

    intervention_id = fields.Many2one("field.intervention", required=True, ondelete="cascade")
    report = fields.Html(related="intervention_id.report")
    signer_name = fields.Char(string="Signer's name", required=True)
    signature = fields.Binary(required=True)

    def action_sign(self):
        self.ensure_one()
        ip = request.httprequest.remote_addr if request else None
        self.intervention_id._sign(self.signer_name, self.signature, ip=ip)
        return {"type": "ir.actions.act_window_close"}
