from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResPartner(models.Model):
    _inherit = "res.partner"

    collection_method_ids = fields.Many2many(
        "account.collection.method",
        string="Agreed payment methods",
        help="The ways this customer agreed to pay.",
    )
    default_collection_method_id = fields.Many2one(
        "account.collection.method",
        string="Default payment method",
        domain="[('id', 'in', collection_method_ids)]",
        help="Set on the new invoices of this customer.",
    )

    @api.constrains("collection_method_ids", "default_collection_method_id")
    def _check_default_collection_method(self):
        for partner in self:
            default = partner.default_collection_method_id
            if default and default not in partner.collection_method_ids:
                raise ValidationError(
                    self.env._(
                        "The default payment method %s must be one of the agreed methods.", default.name
                    )
                )
