from odoo import api, fields, models
from odoo.exceptions import ValidationError

SITE_TYPES = ("other", "delivery")


class FieldSiteMixin(models.AbstractModel):
    """A record that belongs to a customer and, optionally, to one of that customer's sites.

    Sites are the customer's child addresses of type "other" or "delivery" (see readme/DESCRIPTION.md).
    """

    _name = "field.site.mixin"
    _description = "Customer and site of a field record"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('parent_id', '=', False)]",
    )
    site_id = fields.Many2one(
        "res.partner",
        index=True,
        tracking=True,
        domain="[('parent_id', '=', partner_id), ('type', 'in', ('other', 'delivery'))]",
        help="Where the work happens: an address of the customer of type 'Other address' or 'Delivery'.",
    )

    @api.constrains("partner_id", "site_id")
    def _check_site_of_customer(self):
        for record in self.filtered("site_id"):
            site = record.site_id
            if site.parent_id != record.partner_id or site.type not in SITE_TYPES:
                raise ValidationError(
                    self.env._(
                        "%(site)s is not a site of %(customer)s: pick one of the customer's own site "
                        "addresses.",
                        site=site.display_name,
                        customer=record.partner_id.display_name,
                    )
                )

    def _elsewhere(self, records):
        """Those of `records` (field.site.mixin records, e.g. plants) that are not this record's customer's
        or, when this record has a site, not at that site."""
        self.ensure_one()
        return records.filtered(
            lambda other: (
                other.partner_id != self.partner_id or (self.site_id and other.site_id != self.site_id)
            )
        )
