from odoo import api, fields, models


class FieldInterventionLine(models.Model):
    _name = "field.intervention.line"
    _description = "Material or hours of an intervention"
    _inherit = ["signed.document.line.mixin"]
    _order = "intervention_id, sequence, id"

    # The lines are part of the signed report.
    _signed_document_field = "intervention_id"

    intervention_id = fields.Many2one("field.intervention", required=True, index=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    line_type = fields.Selection(
        [("material", "Material"), ("hours", "Hours")], string="Type", required=True, default="material"
    )
    product_id = fields.Many2one("product.product")
    name = fields.Char(string="Description", required=True)
    quantity = fields.Float(default=1.0, digits="Product Unit")

    # ------------------------------------------------------------
    # ONCHANGE
    # ------------------------------------------------------------

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id:
            self.name = self.product_id.display_name
