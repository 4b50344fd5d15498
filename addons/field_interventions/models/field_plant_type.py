from odoo import api, fields, models
from odoo.exceptions import ValidationError

# The broad categories of plants (field.plant's `plant_type`), each refined by the types of its countries.
PLANT_CATEGORIES = [
    ("heating", "Heating"),
    ("cooling", "Air conditioning"),
    ("electrical", "Electrical"),
    ("plumbing", "Plumbing"),
    ("fire", "Fire protection"),
    ("lift", "Lift"),
    ("other", "Other"),
]


class FieldPlantType(models.Model):
    """A kind of plant with the interval the law (or the usual practice) sets between two checks.

    A plant keeps its broad category (field.plant's `plant_type`); its type refines it per country, and a
    maintenance plan without an interval of its own follows the type's.
    """

    _name = "field.plant.type"
    _description = "Plant type"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category = fields.Selection(
        PLANT_CATEGORIES,
        required=True,
        default="other",
        help="The plants of this category get this type by default (in the companies of its country).",
    )
    country_id = fields.Many2one(
        "res.country", help="Where this interval is the law; empty for a type used in every country."
    )
    interval_months = fields.Integer(
        string="Legal interval (months)",
        help="Months between two checks or maintenances by law or standard; 0 when none: the plans of "
        "these plants then need an interval of their own. Editable: check it against the rules in force.",
    )
    legal_reference = fields.Char(translate=True, help="The law or standard that sets the interval.")

    @api.constrains("interval_months")
    def _check_interval_months(self):
        for plant_type in self:
            if plant_type.interval_months < 0:
                raise ValidationError(
                    self.env._("%(type)s: the legal interval cannot be negative.", type=plant_type.name)
                )
        # Plans that follow these types must still have an interval.
        self.env["field.maintenance.plan"].search(
            [("plant_id.type_id", "in", self.filtered(lambda t: not t.interval_months).ids)]
        )._check_interval()

    @api.model
    def _default_for(self, category, country):
        """The type a new plant of `category` gets in a company of `country`: that country's first, else
        the first for every country."""
        candidates = self.search([("category", "=", category), ("country_id", "in", [country.id, False])])
        return candidates.filtered(lambda t: t.country_id == country)[:1] or candidates[:1]
