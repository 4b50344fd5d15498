from odoo import api, fields, models


class CustomerContractLine(models.Model):
    _name = "customer.contract.line"
    _description = "Contract line"
    _order = "contract_id, sequence, id"

    contract_id = fields.Many2one("customer.contract", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one("product.product", required=True)
    name = fields.Text(
        string="Description", compute="_compute_name", store=True, readonly=False, precompute=True
    )
    quantity = fields.Float(default=1.0, digits="Product Unit")
    price_unit = fields.Float(
        string="Unit price",
        digits="Product Price",
        compute="_compute_price_unit",
        store=True,
        readonly=False,
        precompute=True,
    )
    currency_id = fields.Many2one(related="contract_id.currency_id")
    price_subtotal = fields.Monetary(
        string="Subtotal", compute="_compute_price_subtotal", store=True, precompute=True
    )

    _quantity_positive = models.Constraint("CHECK(quantity >= 0)", "A line quantity cannot be negative.")

    @api.depends("product_id")
    def _compute_name(self):
        for line in self:
            line.name = line.product_id.get_product_multiline_description_sale() or line.name

    @api.depends("product_id")
    def _compute_price_unit(self):
        for line in self:
            line.price_unit = line.product_id.lst_price

    @api.depends("quantity", "price_unit")
    def _compute_price_subtotal(self):
        for line in self:
            line.price_subtotal = line.quantity * line.price_unit

    def _prepare_invoice_line_values(self):
        self.ensure_one()
        return {
            "product_id": self.product_id.id,
            "name": self.name,
            "quantity": self.quantity,
            "price_unit": self.price_unit,
        }
