from odoo import fields, models

from ..tools.upload import DEFAULT_ALLOWED_TYPES, DEFAULT_MAX_FILE_MB


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    portal_event_max_file_mb = fields.Float(
        string="Largest file on the order page (MB)",
        config_parameter="customer_portal_events.max_file_mb",
        default=DEFAULT_MAX_FILE_MB,
    )
    portal_event_allowed_file_types = fields.Char(
        string="Accepted file types",
        config_parameter="customer_portal_events.allowed_file_types",
        default=DEFAULT_ALLOWED_TYPES,
        help="File extensions the customer may post on the order page, separated by commas.",
    )
