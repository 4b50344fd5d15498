from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.contract_expiry.models.customer_contract import RUNNING_STATES, form_action
from odoo.addons.customer_portal_base.models.signed_document_mixin import workflow_write
from odoo.exceptions import UserError, ValidationError
from odoo.tools import html2plaintext

# The contract kind that covers assistance hours (contract_expiry's `kind` selection).
ASSISTANCE_KIND = "software"
# Hours planned for an intervention created from a ticket (the dispatcher moves it).
INTERVENTION_HOURS = 2


class HelpdeskTicket(models.Model):
    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------
    # FIELDS: what the ticket is about
    # ------------------------------------------------------------

    sale_order_id = fields.Many2one(
        "sale.order", string="Sale order", index="btree_not_null", tracking=True, copy=False
    )
    contract_id = fields.Many2one(
        "customer.contract",
        index="btree_not_null",
        tracking=True,
        compute="_compute_contract_id",
        store=True,
        readonly=False,
        precompute=True,
        help="Defaults to the customer's running software assistance contract: its hours cover the ticket.",
    )
    plant_id = fields.Many2one("field.plant", index="btree_not_null", tracking=True)
    intervention_id = fields.Many2one("field.intervention", index="btree_not_null", tracking=True, copy=False)
    intervention_state = fields.Selection(related="intervention_id.state", string="Intervention status")

    # ------------------------------------------------------------
    # FIELDS: assistance profile
    # ------------------------------------------------------------

    hours_spent = fields.Float(string="Hours spent", tracking=True, help="Time spent on this ticket.")
    assistance_contract_ids = fields.Many2many(
        "customer.contract",
        string="Assistance contracts",
        compute="_compute_assistance",
        help="The customer's running software assistance contracts.",
    )
    assistance_contract_id = fields.Many2one(
        "customer.contract", string="Assistance contract", compute="_compute_assistance"
    )
    assistance_period_start = fields.Date(string="Period from", compute="_compute_assistance")
    assistance_period_end = fields.Date(string="Period to", compute="_compute_assistance")
    assistance_hours_period = fields.Float(string="Hours covered per period", compute="_compute_assistance")
    assistance_hours_used = fields.Float(
        string="Hours used in the period",
        compute="_compute_assistance",
        help="Hours spent on the contract's tickets of the period, this one included.",
    )
    hours_covered = fields.Float(
        string="Covered hours",
        compute="_compute_assistance",
        help="Hours of this ticket the contract covers.",
    )
    hours_billable = fields.Float(
        string="Billable hours", compute="_compute_assistance", help="Hours of this ticket to invoice."
    )
    assistance_status = fields.Selection(
        [("covered", "Covered"), ("partial", "Partly billable"), ("billable", "Billable")],
        compute="_compute_assistance",
    )

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    @api.depends("partner_id")
    def _compute_contract_id(self):
        for ticket in self:
            if ticket.contract_id.commercial_partner_id == ticket.partner_id.commercial_partner_id:
                continue
            ticket.contract_id = ticket._assistance_contracts()[:1]

    @api.depends("partner_id", "contract_id", "hours_spent", "create_date")
    def _compute_assistance(self):
        for ticket in self:
            contracts = ticket._assistance_contracts()
            contract = ticket.contract_id if ticket.contract_id in contracts else contracts[:1]
            ticket.assistance_contract_ids = contracts
            ticket.assistance_contract_id = contract
            start, end = (
                contract._assistance_period(ticket._assistance_date()) if contract else (False, False)
            )
            allowance = contract.assistance_hours
            used_before = ticket._assistance_hours_before(contract, start, end) if contract else 0.0
            covered = min(ticket.hours_spent, max(0.0, allowance - used_before)) if contract else 0.0
            ticket.assistance_period_start = start
            ticket.assistance_period_end = end
            ticket.assistance_hours_period = allowance
            ticket.assistance_hours_used = used_before + ticket.hours_spent if contract else 0.0
            ticket.hours_covered = covered
            ticket.hours_billable = ticket.hours_spent - covered
            if ticket.hours_billable <= 0:
                ticket.assistance_status = "covered"
            else:
                ticket.assistance_status = "partial" if covered else "billable"

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("partner_id", "sale_order_id", "contract_id", "plant_id", "intervention_id")
    def _check_links_of_customer(self):
        for ticket in self:
            customer = ticket.partner_id.commercial_partner_id
            for record, record_customer in ticket._linked_records():
                if record and record_customer != customer:
                    raise ValidationError(
                        self.env._(
                            "%(record)s belongs to %(owner)s, not to the ticket's customer %(customer)s.",
                            record=record.display_name,
                            owner=record_customer.display_name,
                            customer=customer.display_name or self.env._("(no customer)"),
                        )
                    )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_create_intervention(self):
        """An intervention "To plan" for the ticket's customer and plant, linked to the ticket."""
        self.ensure_one()
        if self.intervention_id:
            raise UserError(
                self.env._("Ticket %(ticket)s already has an intervention.", ticket=self.display_name)
            )
        customer = self.partner_id.commercial_partner_id
        if not customer:
            raise UserError(self.env._("Set the ticket's customer before planning an intervention."))
        start = fields.Datetime.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=1)
        # "To plan", as a portal request starts: the state is a workflow field, set by code only.
        with workflow_write():
            intervention = self.env["field.intervention"].create(
                {
                    "partner_id": customer.id,
                    "contact_id": self.partner_id.id if self.partner_id != customer else False,
                    "site_id": self.plant_id.site_id.id,
                    "plant_ids": [fields.Command.set(self.plant_id.ids)],
                    "company_id": self.company_id.id or self.env.company.id,
                    "kind": "repair",
                    "state": "draft",
                    "date_start": start,
                    "date_end": start + timedelta(hours=INTERVENTION_HOURS),
                    "request_description": f"{self.display_name}\n{html2plaintext(self.description or '')}",
                }
            )
        self.intervention_id = intervention
        return form_action(intervention)

    def action_open_intervention(self):
        self.ensure_one()
        return form_action(self.intervention_id)

    # ------------------------------------------------------------
    # HELPERS
    # ------------------------------------------------------------

    def _linked_records(self):
        """(record, its customer company) of each link the ticket has."""
        self.ensure_one()
        return [
            (self.sale_order_id, self.sale_order_id.partner_id.commercial_partner_id),
            (self.contract_id, self.contract_id.commercial_partner_id),
            (self.plant_id, self.plant_id.partner_id.commercial_partner_id),
            (self.intervention_id, self.intervention_id.partner_id.commercial_partner_id),
        ]

    def _assistance_date(self):
        return (self.create_date or fields.Datetime.now()).date()

    def _assistance_contracts(self):
        """The customer's software assistance contracts running on the ticket's date, newest first."""
        self.ensure_one()
        customer = self.partner_id.commercial_partner_id
        if not customer:
            return self.env["customer.contract"]
        day = self._assistance_date()
        return (
            self.env["customer.contract"]
            .sudo()
            .search(
                [
                    ("commercial_partner_id", "=", customer.id),
                    ("kind", "=", ASSISTANCE_KIND),
                    ("state", "in", RUNNING_STATES),
                    ("start_date", "<=", day),
                    "|",
                    ("expiry_date", "=", False),
                    ("expiry_date", ">=", day),
                ]
            )
            .with_env(self.env)
        )

    def _assistance_hours_before(self, contract, start, end):
        """Hours spent on `contract`'s other tickets of the period [start, end) opened before this one."""
        self.ensure_one()
        domain = [
            ("contract_id", "=", contract.id),
            ("create_date", ">=", fields.Datetime.to_datetime(start)),
            ("create_date", "<", fields.Datetime.to_datetime(end)),
        ]
        if self.id and self.create_date:
            domain += [
                "|",
                ("create_date", "<", self.create_date),
                "&",
                ("create_date", "=", self.create_date),
                ("id", "<", self.id),
            ]
        groups = self.env["helpdesk.ticket"].sudo()._read_group(domain, aggregates=["hours_spent:sum"])
        return groups[0][0] or 0.0

    @api.model
    def _count_per(self, field, records):
        """{record id: number of tickets} whose many2one `field` is one of `records`: one query."""
        groups = self._read_group([(field, "in", records.ids)], [field], ["__count"])
        return {record.id: count for record, count in groups}

    @api.model
    def _action_tickets(self, domain, context=None):
        """The window action listing the tickets of `domain` (the smart buttons')."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Tickets"),
            "res_model": "helpdesk.ticket",
            "view_mode": "list,form",
            "domain": domain,
            "context": context or {},
        }
