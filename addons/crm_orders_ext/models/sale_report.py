from odoo import fields, models


class SaleReport(models.Model):
    _inherit = "sale.report"

    service_tag_id = fields.Many2one("product.tag", string="Service tag", readonly=True)

    def _select_additional_fields(self):
        res = super()._select_additional_fields()
        res["service_tag_id"] = "l.service_tag_id"
        return res

    def _group_by_sale(self):
        return super()._group_by_sale() + ",\n            l.service_tag_id"
