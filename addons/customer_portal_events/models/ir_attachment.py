from odoo import fields, models


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    file_kind_id = fields.Many2one(
        "file.kind",
        string="File kind",
        index="btree_not_null",
        ondelete="restrict",
        help="Files of an order are grouped by kind in the backend and on the customer's portal page.",
    )
