from odoo import Command, api, fields, models


class CustomerContractLine(models.Model):
    _name = "customer.contract.line"
    _description = "Contract line"
    _inherit = ["analytic.mixin", "signed.document.line.mixin"]
    _order = "contract_id, sequence, id"

    contract_id = fields.Many2one("customer.contract", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True, precompute=True)
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
    discount = fields.Float(string="Discount (%)", digits="Discount")
    tax_ids = fields.Many2many(
        "account.tax",
        string="Taxes",
        compute="_compute_tax_ids",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        domain="[('type_tax_use', '=', 'sale')]",
        help="The product's sales taxes mapped by the contract's fiscal position; the invoices use them.",
    )
    currency_id = fields.Many2one(related="contract_id.currency_id")
    price_subtotal = fields.Monetary(
        string="Subtotal", compute="_compute_amounts", store=True, precompute=True
    )
    price_total = fields.Monetary(string="Total", compute="_compute_amounts", store=True, precompute=True)

    # The lines are part of the signed contract.
    _signed_document_field = "contract_id"

    _quantity_positive = models.Constraint("CHECK(quantity >= 0)", "A line quantity cannot be negative.")

    @api.depends("product_id")
    def _compute_name(self):
        for line in self:
            line.name = line.product_id.get_product_multiline_description_sale() or line.name

    @api.depends("product_id")
    def _compute_price_unit(self):
        for line in self:
            line.price_unit = line.product_id.lst_price

    @api.depends("product_id", "company_id", "contract_id.fiscal_position_id")
    def _compute_tax_ids(self):
        for line in self:
            taxes = line.product_id.taxes_id._filter_taxes_by_company(line.company_id)
            line.tax_ids = line.contract_id.fiscal_position_id.map_tax(taxes)

    @api.depends("product_id", "contract_id.partner_id", "company_id")
    def _compute_analytic_distribution(self):
        # Odoo's analytic distribution models, as sale order lines apply them.
        for line in self:
            partner = line.contract_id.partner_id
            distribution = self.env["account.analytic.distribution.model"]._get_distribution(
                {
                    "product_id": line.product_id.id,
                    "product_categ_id": line.product_id.categ_id.id,
                    "partner_id": partner.id,
                    "partner_category_id": partner.category_id.ids,
                    "company_id": line.company_id.id,
                }
            )
            line.analytic_distribution = distribution or line.analytic_distribution

    @api.depends("quantity", "price_unit", "discount", "tax_ids")
    def _compute_amounts(self):
        for contract, lines in self.grouped("contract_id").items():
            for line, base_line in zip(
                lines, lines._prepare_base_lines(contract.company_id or self.env.company), strict=True
            ):
                details = base_line["tax_details"]
                line.price_subtotal = details["total_excluded_currency"]
                line.price_total = details["total_included_currency"]

    def _prepare_base_lines(self, company):
        """The lines of one contract as base lines of Odoo's tax engine, signed and rounded together
        as on the customer invoice they become."""
        AccountTax = self.env["account.tax"]
        base_lines = [
            AccountTax._prepare_base_line_for_taxes_computation(
                line, sign=-1, currency_id=line.currency_id or company.currency_id
            )
            for line in self
        ]
        AccountTax._add_tax_details_in_base_lines(base_lines, company)
        AccountTax._round_base_lines_tax_details(base_lines, company)
        return base_lines

    def _prepare_invoice_lines_values(self, company):
        """Invoice lines of one contract, with the amounts and tax tags Odoo's tax engine gives them.

        Given up front, the invoice keeps these instead of computing each line at zero and writing it
        again after creating it; had they been different, Odoo would still write its own figures.
        """
        base_lines = self._prepare_base_lines(company)
        self.env["account.tax"]._add_accounting_data_in_base_lines_tax_details(base_lines, company)
        values = []
        for line, base_line in zip(self, base_lines, strict=True):
            details = base_line["tax_details"]
            sign = base_line["sign"]
            values.append(
                {
                    "product_id": line.product_id.id,
                    "product_uom_id": line.product_id.uom_id.id,
                    "name": line.name,
                    "quantity": line.quantity,
                    "price_unit": line.price_unit,
                    "discount": line.discount,
                    "tax_ids": [Command.set(line.tax_ids.ids)],
                    "analytic_distribution": line.analytic_distribution,
                    "amount_currency": sign
                    * (details["total_excluded_currency"] + details["delta_total_excluded_currency"]),
                    "balance": sign * (details["total_excluded"] + details["delta_total_excluded"]),
                    "tax_tag_ids": [Command.set(base_line["tax_tag_ids"].ids)],
                }
            )
        return values
