from odoo import fields, models


class FileKind(models.Model):
    """What a file of an order is (drawing, photo, invoice, signed document...): files are grouped by it
    in the backend and on the portal order page."""

    _name = "file.kind"
    _description = "File kind"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
