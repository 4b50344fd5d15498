from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from .account_move_line import billing_write

# The interventions whose work is finished: only these are billed.
BILLABLE_STATES = ("done", "signed")


class FieldIntervention(models.Model):
    _inherit = "field.intervention"

    # Billed or not follows the invoices only: never written directly (see signed.document.mixin).
    _workflow_fields = ("state", "billing_state")

    # ------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------

    invoice_line_ids = fields.One2many(
        "account.move.line",
        "field_intervention_id",
        string="Invoice lines",
        readonly=True,
        copy=False,
        groups="account.group_account_invoice",
    )
    invoice_ids = fields.Many2many(
        "account.move",
        compute="_compute_invoice_ids",
        string="Invoices",
        groups="account.group_account_invoice",
    )
    invoice_count = fields.Integer(compute="_compute_invoice_ids", groups="account.group_account_invoice")
    billing_state = fields.Selection(
        [("not_billed", "Not billed"), ("billed", "Billed")],
        compute="_compute_billing_state",
        store=True,
        readonly=True,
        copy=False,
        index=True,
        help="Billed while one of its invoices is not cancelled; cancelling the invoice frees it again.",
    )

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    @api.depends("invoice_line_ids.move_id")
    def _compute_invoice_ids(self):
        for intervention in self:
            intervention.invoice_ids = intervention.invoice_line_ids.move_id
            intervention.invoice_count = len(intervention.invoice_ids)

    @api.depends("invoice_line_ids.parent_state")
    def _compute_billing_state(self):
        for intervention in self:
            billed = any(state != "cancel" for state in intervention.invoice_line_ids.mapped("parent_state"))
            intervention.billing_state = "billed" if billed else "not_billed"

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_cancel(self):
        billed = self.filtered(lambda i: i.billing_state == "billed")
        if billed:
            raise UserError(
                self.env._(
                    "%(name)s is billed: cancel its invoice before cancelling the intervention.",
                    name=billed[0].name,
                )
            )
        return super().action_cancel()

    def action_create_invoice(self):
        """The button of one intervention: its draft invoice, or a clear refusal."""
        self.ensure_one()
        return self._create_invoices(skip_billed=False)

    def action_create_invoices(self):
        """The list action: one draft invoice per customer and company for the selection; interventions
        already billed are skipped (and named), anything not billable refuses the whole selection."""
        return self._create_invoices(skip_billed=True)

    def action_view_invoices(self):
        self.ensure_one()
        invoices = self.invoice_ids
        action = self.env["ir.actions.act_window"]._for_xml_id("account.action_move_out_invoice_type")
        if len(invoices) == 1:
            action.update({"views": [(False, "form")], "view_mode": "form", "res_id": invoices.id})
        else:
            action.update({"domain": [("id", "in", invoices.ids)], "context": {"create": False}})
        return action

    # ------------------------------------------------------------
    # BILLING
    # ------------------------------------------------------------

    def _create_invoices(self, skip_billed):
        if not self.env.user.has_group("account.group_account_invoice"):
            raise AccessError(self.env._("Only invoicing users can bill interventions."))
        if not self:
            raise UserError(self.env._("Select the interventions to bill."))
        self._lock_for_billing()
        not_finished = self.filtered(lambda i: i.state not in BILLABLE_STATES)
        if not_finished:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "Only done or signed interventions are billed: %(names)s.",
                    names=", ".join(f"{i.name} ({states[i.state]})" for i in not_finished),
                )
            )
        billed = self.filtered(lambda i: i.billing_state == "billed")
        if billed and (not skip_billed or billed == self):
            raise UserError(
                self.env._(
                    "Already billed, nothing to bill twice: %(names)s.",
                    names=", ".join(billed.mapped("name")),
                )
            )
        to_bill = self - billed
        invoices = to_bill._create_invoice_records()
        action = invoices._get_records_action(name=self.env._("Invoices"))
        if billed:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "warning",
                    "sticky": True,
                    "message": self.env._(
                        "Skipped, already billed: %(names)s.", names=", ".join(billed.mapped("name"))
                    ),
                    "next": action,
                },
            }
        return action

    def _lock_for_billing(self):
        """Lock the rows: two users billing the same intervention at once, the second one waits and then
        fails to serialize (Odoo retries it, and it finds the intervention billed)."""
        self.env.cr.execute(
            SQL("SELECT id FROM field_intervention WHERE id IN %s FOR NO KEY UPDATE", tuple(self.ids))
        )
        self.invalidate_recordset(["billing_state"])

    def _create_invoice_records(self):
        """One draft customer invoice per company and customer; every check is made before the first
        invoice is created, so a refusal leaves nothing behind."""
        invoices = self.env["account.move"]
        with billing_write():
            for company, vals_list in self._prepare_invoices_values().items():
                invoices |= self.env["account.move"].with_company(company).create(vals_list)
        return invoices

    def _prepare_invoices_values(self):
        """{company: [values of an invoice per customer]} for these interventions, oldest first."""
        groups = defaultdict(lambda: self.browse())
        for intervention in self.sorted(lambda i: (i.date_start, i.id)):
            groups[intervention.company_id, intervention.partner_id] |= intervention
        prices = self._billing_prices()
        vals_by_company = defaultdict(list)
        for (company, partner), interventions in groups.items():
            lines = []
            for intervention in interventions:
                lines += intervention._prepare_invoice_lines_values(prices)
            vals_by_company[company].append(
                {
                    "move_type": "out_invoice",
                    "company_id": company.id,
                    "partner_id": partner.id,
                    "currency_id": company.currency_id.id,
                    "invoice_origin": ", ".join(interventions.mapped("name")),
                    "invoice_line_ids": [Command.create(vals) for vals in lines],
                }
            )
        return vals_by_company

    def _prepare_invoice_lines_values(self, prices):
        """The invoice lines of this intervention: a section with its reference, its materials and hours
        at the customer's prices, its travel."""
        self.ensure_one()
        company = self.company_id
        lines = []
        for line in self.line_ids:
            product = line.product_id
            if line.line_type == "hours":
                product = product or company.field_hours_product_id
                if not product:
                    raise UserError(
                        self.env._(
                            "%(name)s: set the hours product of %(company)s (Settings > Interventions > "
                            "Billing) to bill the hours worked.",
                            name=self.name,
                            company=company.name,
                        )
                    )
            values = {
                "name": line.name,
                "quantity": line.quantity,
                "price_unit": prices.get((self.id, line.id), 0.0),
                "field_intervention_id": self.id,
            }
            if product:
                values["product_id"] = product.id
            lines.append(values)
        lines += self._prepare_travel_line_values()
        if not lines:
            raise UserError(self.env._("%(name)s has no materials, hours or travel to bill.", name=self.name))
        section = {
            "display_type": "line_section",
            "name": self.env._(
                "Intervention %(name)s of %(date)s",
                name=self.name,
                date=fields.Date.to_string(fields.Datetime.context_timestamp(self, self.date_start).date()),
            ),
            "field_intervention_id": self.id,
        }
        return [section, *lines]

    def _prepare_travel_line_values(self):
        """The travel line of the company's rule: by distance, the site's one-way distance x 2 (there and
        back) at the rate per km; by zone, the site's zone's flat price; none, no line. A rule without its
        rate, product, distance or zone refuses the billing (travel is never silently left out)."""
        self.ensure_one()
        company = self.company_id
        rule = company.field_travel_billing
        if rule == "none":
            return []
        product = company.field_travel_product_id
        if not product:
            raise UserError(
                self.env._(
                    "%(name)s: set the travel product of %(company)s (Settings > Interventions > Billing).",
                    name=self.name,
                    company=company.name,
                )
            )
        site = (self.site_id or self.partner_id).with_company(company)
        values = {"product_id": product.id, "field_intervention_id": self.id}
        if rule == "km":
            if company.field_travel_km_rate <= 0:
                raise UserError(
                    self.env._(
                        "%(name)s: set the travel rate per km of %(company)s (Settings > Interventions > "
                        "Billing).",
                        name=self.name,
                        company=company.name,
                    )
                )
            distance = site.field_travel_distance_km
            if distance <= 0:
                raise UserError(
                    self.env._(
                        "%(name)s: set the travel distance of %(site)s to bill the travel by distance.",
                        name=self.name,
                        site=site.display_name,
                    )
                )
            values.update(
                name=self.env._(
                    "Travel to %(site)s: %(km)s km there and back", site=site.name, km=distance * 2
                ),
                quantity=distance * 2,
                price_unit=company.field_travel_km_rate,
            )
        else:
            zone = site.field_travel_zone_id
            if not zone or zone.company_id != company:
                raise UserError(
                    self.env._(
                        "%(name)s: set the travel zone of %(site)s to bill the travel by zone.",
                        name=self.name,
                        site=site.display_name,
                    )
                )
            values.update(
                name=self.env._("Travel to %(site)s: zone %(zone)s", site=site.name, zone=zone.name),
                quantity=1.0,
                price_unit=zone.price,
            )
        return [values]

    def _billing_prices(self):
        """{(intervention id, line id): unit price} of the lines with a product: the customer's pricelist
        price when the customer has one, else the product's sales price, in the company's currency. One
        pricelist call per pricelist and quantity (not per line): the cost stays flat with the lines."""
        today = fields.Date.context_today(self)
        todo = defaultdict(list)  # (company, pricelist, quantity) -> [(key, product)]
        for intervention in self:
            company = intervention.company_id
            pricelist = intervention.partner_id.with_company(company).property_product_pricelist
            for line in intervention.line_ids:
                product = line.product_id or (line.line_type == "hours" and company.field_hours_product_id)
                if product:
                    todo[company, pricelist, line.quantity].append(((intervention.id, line.id), product))
        prices = {}
        for (company, pricelist, quantity), items in todo.items():
            products = self.env["product.product"].union(*(product for _key, product in items))
            if pricelist:
                by_product = pricelist.with_company(company)._get_products_price(
                    products, quantity, currency=company.currency_id, date=today
                )
            else:
                by_product = {
                    product.id: product.currency_id._convert(
                        product.lst_price, company.currency_id, company, today
                    )
                    for product in products.with_company(company)
                }
            for key, product in items:
                prices[key] = by_product[product.id]
        return prices
