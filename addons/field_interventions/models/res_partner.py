import secrets

from odoo import api, fields, models

from .field_site_mixin import SITE_TYPES


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Portal options of the customer's contacts, next to customer_portal_base's reserved-area flag.
    intervention_sheet_copy = fields.Boolean(
        string="Receives signed intervention sheets",
        help="E-mail this contact a copy of every intervention report signed for the customer. Needs "
        "reserved-area access: without it, nothing is sent.",
    )
    intervention_reminder = fields.Boolean(
        string="Receives intervention reminders",
        help="E-mail this contact a reminder before each planned intervention of the customer. Needs "
        "reserved-area access: without it, nothing is sent.",
    )
    # Secret of the contact's iCal feed of the customer's interventions; resetting it revokes the old URL.
    intervention_feed_token = fields.Char(copy=False, groups="base.group_system")
    field_intervention_ids = fields.One2many("field.intervention", "partner_id", string="Interventions")
    field_plant_ids = fields.One2many("field.plant", "partner_id", string="Plants")
    field_site_plant_ids = fields.One2many("field.plant", "site_id", string="Plants at this site")
    field_plan_ids = fields.One2many("field.maintenance.plan", "partner_id", string="Maintenance plans")
    field_check_ids = fields.One2many("field.check", "partner_id", string="Checks and reports")
    field_intervention_count = fields.Integer(compute="_compute_field_intervention_count")
    # The customer's sites: its addresses of a site type (see field.site.mixin), apart from its people.
    field_site_ids = fields.One2many(
        "res.partner", "parent_id", string="Sites", domain=[("type", "in", SITE_TYPES)]
    )
    field_site_plant_count = fields.Integer(
        string="Plants at the site", compute="_compute_field_site_plant_count"
    )

    @api.depends("field_intervention_ids")
    def _compute_field_intervention_count(self):
        counts = dict(
            self.env["field.intervention"]._read_group(
                [("partner_id", "in", self.ids)], ["partner_id"], ["__count"]
            )
        )
        for partner in self:
            partner.field_intervention_count = counts.get(partner, 0)

    def _compute_field_site_plant_count(self):
        # One query for the page of sites the card shows, however many plants they hold.
        counts = dict(
            self.env["field.plant"]._read_group([("site_id", "in", self.ids)], ["site_id"], ["__count"])
        )
        for partner in self:
            partner.field_site_plant_count = counts.get(partner, 0)

    def action_view_field_interventions(self):
        """The customer's interventions, new ones for this customer."""
        self.ensure_one()
        customer = self.commercial_partner_id
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "field_interventions.action_field_intervention"
        )
        action["domain"] = [("partner_id", "=", customer.id)]
        action["context"] = {"default_partner_id": customer.id}
        return action

    def _intervention_feed_reset(self, revoke=False):
        """A new feed URL for this contact (the previous one stops working), or none when revoking."""
        self.ensure_one()
        self.sudo().intervention_feed_token = False if revoke else secrets.token_urlsafe(32)

    def _intervention_feed_allowed(self):
        """The feed works while the contact is a portal user of the customer with reserved-area access."""
        self.ensure_one()
        return bool(self.active and self.user_ids and self._portal_has_access())

    def _intervention_feed_interventions(self):
        """What the feed of this contact shows: its customer's interventions of the last year and to come."""
        self.ensure_one()
        return (
            self.env["field.intervention"]
            .sudo()
            .search(
                [
                    ("partner_id", "=", self.commercial_partner_id.id),
                    ("state", "not in", ("cancelled", "draft")),
                    ("date_start", ">=", fields.Datetime.subtract(fields.Datetime.now(), years=1)),
                ],
                order="date_start",
            )
        )
