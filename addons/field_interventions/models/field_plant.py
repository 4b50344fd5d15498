from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .field_plant_type import PLANT_CATEGORIES


class FieldPlant(models.Model):
    _name = "field.plant"
    _description = "Plant installed at a customer's site"
    _inherit = ["field.site.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "partner_id, site_id, name"

    # ------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        index=True,
    )
    plant_type = fields.Selection(
        PLANT_CATEGORIES, string="Category", required=True, default="other", tracking=True
    )
    type_id = fields.Many2one(
        "field.plant.type",
        compute="_compute_type_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('category', '=', plant_type)]",
        tracking=True,
        help="Gives the legal interval between two checks that the plant's maintenance plans follow when "
        "they have no interval of their own.",
    )
    legal_interval_months = fields.Integer(
        related="type_id.interval_months", string="Legal interval (months)"
    )
    brand = fields.Char(tracking=True)
    model_name = fields.Char(string="Model", tracking=True)
    serial_number = fields.Char(tracking=True, copy=False)
    install_date = fields.Date(string="Installed on", tracking=True)
    notes = fields.Html()
    attachment_ids = fields.Many2many(
        "ir.attachment", "field_plant_attachment_rel", "plant_id", "attachment_id", string="Attachments"
    )
    intervention_ids = fields.Many2many(
        "field.intervention",
        "field_intervention_plant_rel",
        "plant_id",
        "intervention_id",
        string="Interventions",
        readonly=True,
    )
    intervention_count = fields.Integer(compute="_compute_intervention_count")
    plan_ids = fields.One2many("field.maintenance.plan", "plant_id", string="Maintenance plans")

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    @api.depends("partner_id")
    def _compute_company_id(self):
        # A customer kept by one company gives it its plants; a shared customer's plant stays where it was
        # created (existing plants: the company of their interventions).
        for plant in self:
            plant.company_id = (
                plant.partner_id.company_id
                or plant.company_id
                or plant.intervention_ids.company_id[:1]
                or self.env.company
            )

    @api.depends("plant_type", "company_id")
    def _compute_type_id(self):
        PlantType = self.env["field.plant.type"]
        defaults = {}  # one search per category and country, however many plants are created
        for plant in self:
            if plant.type_id.category != plant.plant_type:
                key = (plant.plant_type, plant.company_id.country_id)
                if key not in defaults:
                    defaults[key] = PlantType._default_for(*key)
                plant.type_id = defaults[key]

    @api.depends("intervention_ids")
    def _compute_intervention_count(self):
        for plant in self:
            plant.intervention_count = len(plant.intervention_ids)

    @api.depends("name", "serial_number")
    def _compute_display_name(self):
        for plant in self:
            plant.display_name = (
                f"{plant.name} ({plant.serial_number})" if plant.serial_number else plant.name
            )

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("serial_number", "brand", "company_id")
    def _check_unique_serial(self):
        for plant in self.filtered("serial_number"):
            # Per company, whichever companies the user has open.
            twin = self.sudo().search_count(
                [
                    ("id", "!=", plant.id),
                    ("company_id", "=", plant.company_id.id),
                    ("brand", "=", plant.brand),
                    ("serial_number", "=", plant.serial_number),
                ],
                limit=1,
            )
            if twin:
                raise ValidationError(
                    self.env._(
                        "Another plant of brand %(brand)s has serial number %(serial)s.",
                        brand=plant.brand or "-",
                        serial=plant.serial_number,
                    )
                )

    # ------------------------------------------------------------
    # HELPERS
    # ------------------------------------------------------------

    def _last_technician(self):
        """The first technician of this plant's latest intervention that had one (none for no plant)."""
        staffed = self.intervention_ids.filtered(lambda i: i.state != "cancelled" and i.user_ids)
        latest = staffed.sorted(lambda i: (i.date_start, i.id), reverse=True)[:1]
        return latest.user_ids.filtered(lambda u: not u.share)[:1]

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_view_interventions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "field_interventions.action_field_intervention"
        )
        action["domain"] = [("plant_ids", "in", self.ids)]
        action["context"] = {
            "default_partner_id": self.partner_id.id,
            "default_site_id": self.site_id.id,
            "default_plant_ids": self.ids,
        }
        return action
