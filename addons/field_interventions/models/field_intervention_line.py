from odoo import api, fields, models


class FieldInterventionLine(models.Model):
    _name = "field.intervention.line"
    _description = "Material or hours of an intervention"
    _order = "intervention_id, sequence, id"

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

    # ------------------------------------------------------------
    # CRUD: the lines are part of the signed report
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        self.env["field.intervention"].browse(
            {vals["intervention_id"] for vals in vals_list if vals.get("intervention_id")}
        )._check_signed_lines_editable()
        return super().create(vals_list)

    def write(self, vals):
        documents = self.intervention_id
        if vals.get("intervention_id"):  # nor moved onto a signed one
            documents |= self.env["field.intervention"].browse(vals["intervention_id"])
        documents._check_signed_lines_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        self.intervention_id._check_signed_lines_editable()
