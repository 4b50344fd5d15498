from odoo import api, fields, models

# line fields that change the untaxed total the customer discount depends on
DISCOUNT_BASE_FIELDS = {"product_id", "product_uom_qty", "price_unit", "discount", "tax_ids", "display_type"}


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    # copied with the line so a copied order recognises, then rebuilds, its discount lines
    partner_discount_id = fields.Many2one(
        "res.partner.discount", string="Customer discount", readonly=True, index="btree_not_null"
    )

    # kept as sold: re-tagging a product later does not rewrite past reports
    service_tag_id = fields.Many2one(
        "product.tag",
        string="Service tag",
        compute="_compute_service_tag_id",
        store=True,
        precompute=True,
        index="btree_not_null",
    )

    @api.depends("product_id")
    def _compute_service_tag_id(self):
        for line in self:
            line.service_tag_id = line.product_id.product_tmpl_id.service_tag_id

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.order_id._sync_partner_discount()
        return lines

    def write(self, vals):
        res = super().write(vals)
        if DISCOUNT_BASE_FIELDS & vals.keys():
            self.order_id._sync_partner_discount()
        return res

    def unlink(self):
        orders = self.order_id
        res = super().unlink()
        orders.exists()._sync_partner_discount()
        return res
