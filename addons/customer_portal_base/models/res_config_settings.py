from odoo import fields, models

from ..tools.upload import DEFAULT_ALLOWED_TYPES, DEFAULT_MAX_FILE_MB


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    portal_upload_max_file_mb = fields.Float(
        string="Largest file customers upload (MB)",
        config_parameter="customer_portal_base.max_file_mb",
        default=DEFAULT_MAX_FILE_MB,
    )
    portal_upload_allowed_file_types = fields.Char(
        string="Accepted file types",
        config_parameter="customer_portal_base.allowed_file_types",
        default=DEFAULT_ALLOWED_TYPES,
        help="File extensions customers may upload from the portal, separated by commas. Only types whose "
        "content is checked count: pdf, png, jpg, jpeg, gif, webp, txt, csv, doc, docx, xls, xlsx, pptx, "
        "odt, ods, zip.",
    )
