from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    service_tag_id = fields.Many2one(
        "product.tag",
        string="Service tag (reports)",
        help="Sales reports group and count the services sold by this tag.",
    )
    requires_onboarding = fields.Boolean(
        string="Software onboarding",
        help="Confirming an order of this product opens the customer's onboarding checklist.",
    )
    portal_orderable = fields.Boolean(
        string="Orderable from the portal",
        help="Customers with reserved-area access can pick this product in their order requests.",
    )
