from odoo import api, models
from odoo.fields import Domain

# Context key of the product on invoice and contract lines: the customer whose agreed services come first.
CUSTOMER_SERVICES_KEY = "customer_services_partner_id"


class ProductProduct(models.Model):
    _inherit = "product.product"

    @api.model
    def name_search(self, name="", domain=None, operator="ilike", limit=100):
        """With a customer in the context, its agreed services first, then the rest of the catalogue: a new
        customer still gets every product, and "Search More..." always shows the whole catalogue."""
        partner_id = self.env.context.get(CUSTOMER_SERVICES_KEY)
        if not isinstance(partner_id, int) or not partner_id:
            return super().name_search(name, domain, operator, limit)
        services = self.env["res.partner"].browse(partner_id).exists()._customer_service_products()
        if not services:
            return super().name_search(name, domain, operator, limit)
        domain = Domain(domain or Domain.TRUE)
        first = super().name_search(name, domain & Domain("id", "in", services.ids), operator, limit)
        rest_limit = limit and limit - len(first)
        if limit and rest_limit <= 0:
            return first
        rest = super().name_search(
            name, domain & Domain("id", "not in", [pid for pid, _name in first]), operator, rest_limit
        )
        return first + rest
