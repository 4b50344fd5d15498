import hashlib
import logging
import uuid
from datetime import datetime, time

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.addons.customer_portal_base.models.signed_document_mixin import signature_write, workflow_write
from odoo.addons.customer_portal_base.tools.cron import run_batched
from odoo.addons.customer_portal_base.tools.upload import check_uploads
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_round, format_date, is_html_empty

_logger = logging.getLogger(__name__)

BILLING_STEPS = {"monthly": 1, "quarterly": 3, "yearly": 12}
# Contracts handled per transaction by the crons: one commit per batch. Billing takes larger batches:
# creating invoices has a fixed cost per account.move.create call that larger batches spread.
CRON_BATCH_SIZE = 200
BILLING_BATCH_SIZE = 1000
# The states of a running contract: invoiced, alerted before expiry, licensed, shown in the portal.
RUNNING_STATES = ("signed", "accepted")
# The kinds of contract, shared with the contract text templates.
CONTRACT_KINDS = [
    ("service", "Service"),
    ("software", "Software assistance"),
    ("hardware", "Hardware"),
    ("other", "Other"),
]


def form_action(record):
    """The window action opening `record` in its form view (after a button created it)."""
    return {
        "type": "ir.actions.act_window",
        "res_model": record._name,
        "res_id": record.id,
        "view_mode": "form",
        "views": [(False, "form")],
    }


class CustomerContract(models.Model):
    _name = "customer.contract"
    _description = "Customer contract"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin", "signed.document.mixin"]
    _order = "start_date desc, id desc"

    # What the customer signs: the terms, the lines, the documents (annexes). The fiscal position too:
    # changing it would change the lines' taxes behind the lock.
    _signed_fields = (
        "title",
        "partner_id",
        "start_date",
        "expiry_date",
        "amount",
        "billing_period",
        "fiscal_position_id",
        "document_ids",
        "contract_text",
    )
    _signed_line_fields = {
        "line_ids": ("product_id", "name", "quantity", "price_unit", "discount", "tax_ids"),
    }
    _signed_report = "contract_expiry.action_report_contract"
    _signed_manager_group = "sales_team.group_sale_manager"
    # Set by the actions, the signature and the crons only: a "signed" state is invoiced and licensed.
    _workflow_fields = (
        "state",
        "work_done_on",
        "alert_sent",
        "renewal_notice_sent",
        "renewal_decision",
        "previous_contract_id",
        "renewed_contract_id",
        "tacitly_renewed",
    )
    # A signature on paper: who recorded it and the scan; written by `_sign_on_paper` only, fingerprinted.
    _signature_extra_fields = ("paper_signature_user_id", "paper_signature_scan_id")

    # ------------------------------------------------------------
    # FIELDS: identity
    # ------------------------------------------------------------

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index="trigram"
    )
    title = fields.Char(required=True, tracking=True)
    kind = fields.Selection(
        CONTRACT_KINDS,
        required=True,
        default="service",
        tracking=True,
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        tracking=True,
        index=True,
        help="The customer contact the contract is sent to for signature.",
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", store=True, index=True, string="Customer company"
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    user_id = fields.Many2one(
        "res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    sale_order_id = fields.Many2one("sale.order", string="Sale order", copy=False, index="btree_not_null")
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("sent", "Sent for signature"),
            ("signed", "Signed"),
            ("accepted", "Accepted"),
            ("expired", "Expired"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )

    # ------------------------------------------------------------
    # FIELDS: dates, amounts, billing
    # ------------------------------------------------------------

    start_date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    expiry_date = fields.Date(tracking=True, index="btree_not_null")
    line_ids = fields.One2many("customer.contract.line", "contract_id", string="Lines", copy=True)
    amount = fields.Monetary(
        compute="_compute_amount",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="Sum of the lines; set it by hand on a contract without lines.",
    )
    amount_tax = fields.Monetary(string="Taxes", compute="_compute_amount_total", store=True, precompute=True)
    amount_total = fields.Monetary(
        string="Total", compute="_compute_amount_total", store=True, precompute=True
    )
    fiscal_position_id = fields.Many2one(
        "account.fiscal.position",
        string="Fiscal position",
        compute="_compute_fiscal_position_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
        help="Adapts the lines' taxes and the invoices' accounts to the customer; the default comes from it.",
    )
    payment_term_id = fields.Many2one(
        "account.payment.term",
        string="Payment terms",
        compute="_compute_payment_term_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    billing_period = fields.Selection(
        [("none", "None"), ("monthly", "Monthly"), ("quarterly", "Quarterly"), ("yearly", "Yearly")],
        required=True,
        default="none",
        tracking=True,
    )
    next_billing_date = fields.Date(tracking=True, copy=False, index="btree_not_null")
    invoice_ids = fields.One2many("account.move", "customer_contract_id", string="Invoices")
    invoice_count = fields.Integer(compute="_compute_invoice_count")
    allowed_product_ids = fields.Many2many(
        "product.product",
        compute="_compute_allowed_product_ids",
        help="Services sold to this customer on its confirmed sale orders: offered on the lines.",
    )

    # ------------------------------------------------------------
    # FIELDS: text
    # ------------------------------------------------------------

    template_id = fields.Many2one(
        "customer.contract.template",
        string="Text template",
        domain="[('kind', '=', kind), ('company_id', 'in', [company_id, False])]",
        help="The template of the contract's terms; 'Apply template' fills the terms from it in the "
        "customer's language.",
    )
    contract_text = fields.Html(
        string="Terms",
        help="The terms the customer signs, shown in the PDF and the portal. Filled from the template, "
        "editable until signed; part of the signed content.",
    )

    # ------------------------------------------------------------
    # FIELDS: documents, expiry alert, acceptance
    # ------------------------------------------------------------

    document_ids = fields.Many2many(
        "ir.attachment",
        "customer_contract_document_rel",
        "contract_id",
        "attachment_id",
        string="Documents",
        help="Files of the contract (annexes, technical sheets), also shown to the customer in the portal.",
    )
    alert_months = fields.Integer(
        string="Alert months before expiry",
        help="Overrides the company's setting for this contract; 0 uses the company's setting.",
    )
    alert_date = fields.Date(compute="_compute_alert_date", store=True, index="btree_not_null")
    alert_sent = fields.Boolean(
        string="Expiry alert sent",
        copy=False,
        readonly=True,
        help="Set when the expiry alert is sent; cleared when the expiry date or the offset changes.",
    )
    work_done_on = fields.Date(string="Work done on", copy=False, readonly=True, tracking=True)
    acceptance_ids = fields.One2many(
        "customer.contract.acceptance", "contract_id", string="Acceptance reports"
    )
    acceptance_count = fields.Integer(compute="_compute_acceptance_count")

    _alert_months_positive = models.Constraint(
        "CHECK(alert_months >= 0)", "The expiry alert offset cannot be negative."
    )
    _alert_pending_idx = models.Index("(alert_date) WHERE alert_sent IS NOT TRUE")

    # ------------------------------------------------------------
    # FIELDS: renewal
    # ------------------------------------------------------------

    renewal_notice_days = fields.Integer(
        string="Renewal notice days before expiry",
        help="Overrides the company's setting for this contract; 0 uses the company's setting.",
    )
    renewal_notice_date = fields.Date(
        compute="_compute_renewal_notice_date", store=True, index="btree_not_null"
    )
    renewal_notice_sent = fields.Boolean(
        string="Renewal notice sent",
        copy=False,
        readonly=True,
        help="Set when the renewal notice is sent to the customer; cleared when the expiry date or the "
        "offset changes.",
    )
    renewal_decision = fields.Selection(
        [("renewed", "Renewed"), ("let_expire", "Let expire")],
        copy=False,
        readonly=True,
        tracking=True,
        help="Renewed: the next contract exists. Let expire: no renewal notice and no tacit renewal.",
    )
    previous_contract_id = fields.Many2one(
        "customer.contract",
        string="Renewal of",
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="The contract this one renews.",
    )
    renewed_contract_id = fields.Many2one(
        "customer.contract",
        string="Renewed by",
        copy=False,
        readonly=True,
        index="btree_not_null",
        help="The contract that renews this one.",
    )
    tacit_renewal = fields.Boolean(
        string="Tacit renewal",
        tracking=True,
        help="Renewed automatically at expiry, with the same terms and prices, unless the customer gives "
        "notice or the contract is let expire.",
    )
    notice_period_days = fields.Integer(
        string="Notice period (days)",
        help="Days before the expiry by which the customer must give notice to stop a tacit renewal; the "
        "renewal notice is sent no later than that.",
    )
    tacitly_renewed = fields.Boolean(
        string="Renewed tacitly",
        copy=False,
        readonly=True,
        help="Created by a tacit renewal: it runs with the customer's tacit consent, without a new "
        "signature.",
    )

    _renewal_notice_days_positive = models.Constraint(
        "CHECK(renewal_notice_days >= 0)", "The renewal notice offset cannot be negative."
    )
    _renewal_pending_idx = models.Index("(renewal_notice_date) WHERE renewal_notice_sent IS NOT TRUE")

    # ------------------------------------------------------------
    # FIELDS: signature channel
    # ------------------------------------------------------------

    signature_channel = fields.Selection(
        [("electronic", "Electronic"), ("paper", "On paper")],
        compute="_compute_signature_channel",
        store=True,
        string="Signature channel",
        help="How the customer signed: in the portal (electronic) or on paper, its scan filed by staff.",
    )
    paper_signature_user_id = fields.Many2one(
        "res.users",
        string="Paper signature recorded by",
        copy=False,
        readonly=True,
        help="The user who recorded the signature on paper and attached its scan.",
    )
    paper_signature_scan_id = fields.Many2one(
        "ir.attachment", string="Scan of the signed paper", copy=False, readonly=True
    )
    signature_missing = fields.Boolean(
        string="Running without signature",
        compute="_compute_signature_missing",
        store=True,
        index=True,
        help="The contract is running (invoiced, alerted) but no signature is recorded: a new revision "
        "dropped it, or it was imported. Record the signature on paper or let the customer sign online.",
    )

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    @api.depends("signed_on", "paper_signature_scan_id")
    def _compute_signature_channel(self):
        for contract in self:
            if not contract.signed_on:
                contract.signature_channel = False
            else:
                contract.signature_channel = "paper" if contract.paper_signature_scan_id else "electronic"

    @api.depends("state", "is_signed", "tacitly_renewed")
    def _compute_signature_missing(self):
        # A tacit renewal runs with the customer's tacit consent: no signature is missing.
        for contract in self:
            contract.signature_missing = (
                contract.state in RUNNING_STATES and not contract.is_signed and not contract.tacitly_renewed
            )

    @api.depends("line_ids.price_subtotal")
    def _compute_amount(self):
        for contract in self:
            contract.amount = (
                sum(contract.line_ids.mapped("price_subtotal")) if contract.line_ids else contract.amount
            )

    @api.depends("amount", "line_ids.price_total")
    def _compute_amount_total(self):
        for contract in self:
            # A contract without lines has no taxes of its own: its amount is invoiced as it is.
            total = sum(contract.line_ids.mapped("price_total")) if contract.line_ids else contract.amount
            contract.amount_total = total
            contract.amount_tax = total - contract.amount

    @api.depends("partner_id", "company_id")
    def _compute_fiscal_position_id(self):
        FiscalPosition = self.env["account.fiscal.position"]
        for contract in self:
            contract.fiscal_position_id = FiscalPosition.with_company(
                contract.company_id
            )._get_fiscal_position(contract.partner_id)

    @api.depends("partner_id")
    def _compute_payment_term_id(self):
        for contract in self:
            contract.payment_term_id = (
                contract.partner_id.property_payment_term_id or contract.payment_term_id
            )

    @api.depends("expiry_date", "alert_months", "company_id.contract_alert_months")
    def _compute_alert_date(self):
        for contract in self:
            months = contract.alert_months or contract.company_id.contract_alert_months
            contract.alert_date = contract.expiry_date and contract.expiry_date - relativedelta(months=months)

    @api.depends(
        "expiry_date",
        "renewal_notice_days",
        "tacit_renewal",
        "notice_period_days",
        "company_id.contract_renewal_notice_days",
    )
    def _compute_renewal_notice_date(self):
        for contract in self:
            days = contract.renewal_notice_days or contract.company_id.contract_renewal_notice_days
            if contract.tacit_renewal:
                # The customer must hear of the renewal before the last day to give notice.
                days = max(days, contract.notice_period_days)
            contract.renewal_notice_date = contract.expiry_date and contract.expiry_date - relativedelta(
                days=days
            )

    def _count_per_contract(self, model, field="contract_id"):
        """{contract: number of `model` records linked to it by their `field`}, in one query."""
        return dict(self.env[model]._read_group([(field, "in", self.ids)], [field], ["__count"]))

    def _compute_invoice_count(self):
        counts = self._count_per_contract("account.move", "customer_contract_id")
        for contract in self:
            contract.invoice_count = counts.get(contract, 0)

    def _compute_acceptance_count(self):
        counts = self._count_per_contract("customer.contract.acceptance")
        for contract in self:
            contract.acceptance_count = counts.get(contract, 0)

    @api.depends("commercial_partner_id")
    def _compute_allowed_product_ids(self):
        partners = self.commercial_partner_id
        groups = self.env["sale.order.line"]._read_group(
            [
                ("order_partner_id", "child_of", partners.ids),
                ("state", "=", "sale"),
                ("product_id.type", "=", "service"),
            ],
            ["order_partner_id"],
            ["product_id:array_agg"],
        )
        by_partner = {}
        for partner, product_ids in groups:
            by_partner.setdefault(partner.commercial_partner_id, set()).update(product_ids)
        for contract in self:
            contract.allowed_product_ids = list(by_partner.get(contract.commercial_partner_id, ()))

    def _compute_access_url(self):
        for contract in self:
            contract.access_url = f"/my/contracts/{contract.id}"

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("start_date", "expiry_date")
    def _check_dates(self):
        for contract in self:
            if contract.expiry_date and contract.expiry_date < contract.start_date:
                raise ValidationError(
                    self.env._(
                        "Contract %(contract)s: the expiry date cannot be before the start date.",
                        contract=contract.display_name,
                    )
                )

    @api.constrains("notice_period_days", "start_date", "expiry_date")
    def _check_notice_period(self):
        for contract in self:
            if contract.notice_period_days < 0:
                raise ValidationError(
                    self.env._(
                        "Contract %(contract)s: the notice period cannot be negative.",
                        contract=contract.display_name,
                    )
                )
            term = contract.expiry_date and (contract.expiry_date - contract.start_date).days + 1
            if term and contract.notice_period_days > term:
                raise ValidationError(
                    self.env._(
                        "Contract %(contract)s: the notice period (%(notice)s days) is longer than the "
                        "contract's term (%(term)s days).",
                        contract=contract.display_name,
                        notice=contract.notice_period_days,
                        term=term,
                    )
                )

    @api.constrains("amount")
    def _check_amount(self):
        for contract in self:
            if contract.amount < 0:
                raise ValidationError(
                    self.env._(
                        "Contract %(contract)s: the amount cannot be negative.",
                        contract=contract.display_name,
                    )
                )

    @api.constrains("billing_period", "next_billing_date")
    def _check_next_billing_date(self):
        for contract in self:
            if contract.billing_period != "none" and not contract.next_billing_date:
                raise ValidationError(
                    self.env._(
                        "Contract %(contract)s is billed periodically: set its next billing date.",
                        contract=contract.display_name,
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("customer.contract") or "/"
        return super().create(vals_list)

    def write(self, vals):
        rearm = {}
        if {"expiry_date", "alert_months"} & set(vals) and "alert_sent" not in vals:
            rearm["alert_sent"] = False
        renewal_offsets = {"expiry_date", "renewal_notice_days", "tacit_renewal", "notice_period_days"}
        if renewal_offsets & set(vals) and "renewal_notice_sent" not in vals:
            rearm["renewal_notice_sent"] = False
        if rearm:
            # A new expiry date or offset re-arms the alert and the notice (the caller's values checked
            # first).
            self._check_workflow_fields([vals])
            with workflow_write():
                return super().write(dict(vals, **rearm))
        return super().write(vals)

    @api.depends("name", "title")
    def _compute_display_name(self):
        for contract in self:
            contract.display_name = f"{contract.name} - {contract.title}" if contract.title else contract.name

    # ------------------------------------------------------------
    # ACTIONS: state machine
    # ------------------------------------------------------------

    def _check_state(self, allowed, action):
        wrong = self.filtered(lambda c: c.state not in allowed)
        if wrong:
            raise UserError(
                self.env._(
                    "%(action)s is not possible for contract %(contract)s in state %(state)s.",
                    action=action,
                    contract=wrong[0].display_name,
                    state=dict(self._fields["state"]._description_selection(self.env))[wrong[0].state],
                )
            )

    def action_send_for_signature(self):
        """Open the composer with the e-mail that brings the customer to the contract's portal page."""
        self.ensure_one()
        self._check_state(("draft", "sent"), self.env._("Sending for signature"))
        return self._composer_action(
            "contract_expiry.mail_template_contract_signature", mark_contract_as_sent=True
        )

    def _composer_action(self, template_xmlid, **context):
        """Odoo's composer on these contracts with one of their e-mails, in the responsible's layout."""
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": self.env.ref(template_xmlid).id,
                "default_composition_mode": "comment",
                "default_email_layout_xmlid": "mail.mail_notification_layout_with_responsible_signature",
                **context,
            },
        }

    def _send_for_signature(self):
        """Send the signature e-mail without the composer (tests, automations)."""
        self._check_state(("draft", "sent"), self.env._("Sending for signature"))
        template = self.env.ref("contract_expiry.mail_template_contract_signature")
        for contract in self:
            contract._portal_ensure_token()
            contract.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
        with workflow_write():
            self.write({"state": "sent"})

    def action_send_several_for_signature(self):
        """One e-mail for several contracts of one customer (list view action): each PDF attached, each
        signable from its own link."""
        self._send_several_for_signature()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._(
                    "%(count)s contracts sent for signature in one e-mail.", count=len(self)
                ),
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _send_several_for_signature(self):
        self._check_state(("draft", "sent"), self.env._("Sending for signature"))
        if not self:
            return
        if len(self.commercial_partner_id) > 1 or len(self.company_id) > 1:
            raise UserError(
                self.env._("Select the contracts of one customer and one company to send them together.")
            )
        self.check_access("write")
        for contract in self:
            contract._portal_ensure_token()
        report = self.env["ir.actions.report"].sudo()
        attachments = []
        for contract in self:
            pdf, _type = report._render_qweb_pdf("contract_expiry.action_report_contract", contract.ids)
            attachments.append((f"{contract._get_report_base_filename()}.pdf", pdf))
        first = self[0]
        lang = first.partner_id.lang or self.env.lang
        body = (
            self.env["ir.qweb"]
            .with_context(lang=lang)
            ._render(
                "contract_expiry.contract_several_signature_body",
                {"contracts": self, "partner": first.partner_id},
            )
        )
        first.with_context(lang=lang).message_post(
            body=body,
            subject=self.with_context(lang=lang).env._(
                "%(company)s - %(count)s contracts to sign", company=first.company_id.name, count=len(self)
            ),
            partner_ids=self.partner_id.ids,
            attachments=attachments,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            email_layout_xmlid="mail.mail_notification_layout_with_responsible_signature",
        )
        for contract in self - first:
            contract.message_post(
                body=self.env._(
                    "Sent for signature in one e-mail with %(contract)s.", contract=first.display_name
                ),
                subtype_xmlid="mail.mt_note",
            )
        with workflow_write():
            self.write({"state": "sent"})

    def action_send_licence(self):
        """Open the composer with the licence e-mail: for a running, signed software contract only."""
        self.ensure_one()
        if not self._licence_allowed():
            raise UserError(
                self.env._("The software licence is given only for a signed contract that is running.")
            )
        return self._composer_action("contract_expiry.mail_template_contract_licence")

    def _mark_as_sent(self):
        """Draft contracts become "sent" (signable): called by the composer's send, never by a context key
        in `message_post`, which the portal reaches with a token."""
        with workflow_write():
            self.filtered(lambda c: c.state == "draft").write({"state": "sent"})

    def _rotate_access_token(self):
        """A new token: the links sent before (a cancelled contract, a reset draft) stop working."""
        for contract in self:
            contract.access_token = str(uuid.uuid4())

    def action_work_done(self):
        """Record that the work is done and ask the administrative users to issue the acceptance report."""
        self._check_state(("signed",), self.env._("Marking the work done"))
        with workflow_write():
            self.write({"work_done_on": fields.Date.context_today(self)})
        admins = self.env.ref("contract_expiry.group_contract_admin").sudo().all_user_ids
        activity_type = self.env.ref("contract_expiry.mail_activity_type_acceptance")
        activities = []
        for contract in self:
            for user in admins:
                activities.append(
                    {
                        "res_model_id": self.env["ir.model"]._get_id(self._name),
                        "res_id": contract.id,
                        "activity_type_id": activity_type.id,
                        "user_id": user.id,
                        "summary": self.env._("Issue the acceptance report"),
                    }
                )
        self.env["mail.activity"].sudo().create(activities)
        return True

    def action_new_acceptance(self):
        self.ensure_one()
        if not self.work_done_on:
            raise UserError(self.env._("Mark the work done before issuing the acceptance report."))
        acceptance = self.env["customer.contract.acceptance"].create(
            {"contract_id": self.id, "delivered_items": self._acceptance_default_items()}
        )
        return form_action(acceptance)

    def _acceptance_default_items(self):
        return "\n".join(f"{line.quantity:g} x {line.product_id.display_name}" for line in self.line_ids)

    def _on_acceptance_signed(self):
        with workflow_write():
            self.filtered(lambda c: c.state == "signed").write({"state": "accepted"})
        self.activity_feedback(["contract_expiry.mail_activity_type_acceptance"], only_automated=False)

    def action_close(self):
        self._check_state(("signed", "accepted", "expired"), self.env._("Closing"))
        with workflow_write():
            self.write({"state": "closed"})

    def action_cancel(self):
        self._check_state(("draft", "sent", "signed"), self.env._("Cancelling"))
        with workflow_write():
            self.write({"state": "cancelled"})
        self._rotate_access_token()

    def action_draft(self):
        self._check_state(("cancelled",), self.env._("Resetting to draft"))
        signed = self.filtered("is_signed")
        if signed:
            signed.action_new_revision()  # dropping a signature is a manager's decision: checked there
        with workflow_write():
            self.write({"state": "draft"})
        self._rotate_access_token()

    def action_preview(self):
        """Open the contract's portal page as the customer sees it."""
        self.ensure_one()
        return {"type": "ir.actions.act_url", "target": "self", "url": self.get_portal_url()}

    def action_apply_template(self):
        """Fill the terms from the template, rendered in each customer's language. All the texts are
        rendered first: a template that does not render changes no contract."""
        texts = {contract: contract._render_contract_text() for contract in self}
        for contract, text in texts.items():
            contract.contract_text = text
        return True

    def _render_contract_text(self):
        """The contract's template rendered on it in the customer's language, as mail.template renders
        a body (QWeb, `object` = the contract). Raises a UserError when it cannot be rendered."""
        self.ensure_one()
        template = self.template_id
        if not template:
            raise UserError(
                self.env._(
                    "Choose a text template for contract %(contract)s first.", contract=self.display_name
                )
            )
        if template.kind != self.kind or template.company_id not in (
            self.company_id,
            self.env["res.company"],
        ):
            raise UserError(
                self.env._(
                    "The template %(template)s is not for the kind and company of contract %(contract)s.",
                    template=template.display_name,
                    contract=self.display_name,
                )
            )
        template = template.with_context(lang=self.partner_id.lang or self.env.lang)
        try:
            text = template._render_template(template.body, self._name, self.ids, engine="qweb")[self.id]
        except (UserError, ValueError, SyntaxError, KeyError, AttributeError) as error:
            raise UserError(
                self.env._(
                    "The template %(template)s cannot be filled in for contract %(contract)s: check its "
                    "placeholders (each one must be a field of the contract, such as "
                    "object.partner_id.name).",
                    template=template.display_name,
                    contract=self.display_name,
                )
            ) from error
        if is_html_empty(text):
            raise UserError(
                self.env._("The template %(template)s has no text.", template=template.display_name)
            )
        return text

    def action_view_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("account.action_move_out_invoice_type")
        action["domain"] = [("customer_contract_id", "=", self.id)]
        action["context"] = {"default_move_type": "out_invoice", "create": False}
        return action

    def action_view_acceptances(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "contract_expiry.customer_contract_acceptance_action"
        )
        action["domain"] = [("contract_id", "=", self.id)]
        action["context"] = {"default_contract_id": self.id}
        return action

    # ------------------------------------------------------------
    # SIGNATURE (signed.document.mixin hooks)
    # ------------------------------------------------------------

    def _check_can_be_signed(self):
        # A running contract without a signature (a new revision dropped it) is signed again as it runs.
        if self.state == "cancelled":
            raise UserError(self.env._("This contract is cancelled: it cannot be signed."))
        if self.state == "draft":
            raise UserError(self.env._("This contract has not been sent for signature yet."))
        if self.state not in ("sent", *RUNNING_STATES):
            raise UserError(self.env._("This contract is no longer running: it cannot be signed."))

    def _check_can_be_signed_on_paper(self):
        """A paper signature needs no e-mail first: a draft contract signed at the customer's is fine."""
        if self.is_signed:
            raise UserError(self.env._("This contract has already been signed."))
        if self.state != "draft":
            self._check_can_be_signed()

    def _check_paper_signature_allowed(self):
        """The contract's responsible records the paper signatures of their contracts; a sales manager or a
        contract administrator (the back office that files the scans) those of any contract."""
        if self.env.su:
            return
        user = self.env.user
        back_office = user.has_group(self._signed_manager_group) or user.has_group(
            "contract_expiry.group_contract_admin"
        )
        if not back_office and (user.share or self.user_id != user):
            raise AccessError(
                self.env._(
                    "Only the contract's responsible, a sales manager or a contract administrator may "
                    "record a signature on paper."
                )
            )
        self.check_access("write")

    def action_sign_on_paper(self):
        """Open the wizard that records the customer's signature on paper with its scan."""
        self.ensure_one()
        self._check_paper_signature_allowed()
        self._check_can_be_signed_on_paper()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Signed on paper"),
            "res_model": "customer.contract.paper.signature",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_contract_id": self.id},
        }

    def _sign_on_paper(self, name, signed_date, scan_name, scan_raw):
        """Record the customer's signature on paper: signer, date, the scan (checked like any upload) and
        who recorded it (the current user). Then the contract is locked, fingerprinted, its signed PDF
        attached and its state moves on exactly as after an e-signature.

        Private, like `_sign`: the wizard calls it. Everything is checked before anything is written.
        """
        self.ensure_one()
        self._check_paper_signature_allowed()
        self._check_can_be_signed_on_paper()
        name = (name or "").strip()
        if not name:
            raise ValidationError(self.env._("Please enter the signer's name."))
        if not signed_date:
            raise ValidationError(self.env._("Please enter the date of the signature."))
        signed_date = fields.Date.to_date(signed_date)
        if signed_date > fields.Date.context_today(self):
            raise ValidationError(self.env._("The date of the signature cannot be in the future."))
        if not scan_raw:
            raise ValidationError(self.env._("Please attach the scan of the signed contract."))
        scan_name = (scan_name or "").strip() or self.env._("%(name)s - scan", name=self.name)
        check_uploads(self.env, [(scan_name, scan_raw)])
        scan = (
            self.env["ir.attachment"]
            .sudo()
            .create({"name": scan_name, "raw": scan_raw, "res_model": self._name, "res_id": self.id})
        )
        with signature_write():
            self.write(
                {
                    "signature": False,
                    "signed_by": name,
                    # Midday UTC: the same calendar day in every time zone of the suite's users.
                    "signed_on": datetime.combine(signed_date, time(12)),
                    "signer_ip": False,
                    "paper_signature_user_id": self.env.uid,
                    "paper_signature_scan_id": scan.id,
                    # A new token: the link of the signature request sent before works no more.
                    "access_token": str(uuid.uuid4()),
                }
            )
            self.write({"signed_hash": self._signed_content_hash()})
        self.message_post(
            body=self.env._(
                "Signed on paper by %(name)s on %(date)s; recorded by %(user)s.",
                name=name,
                date=format_date(self.env, signed_date),
                user=self.env.user.name,
            ),
            attachment_ids=scan.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        self._attach_signed_pdf()
        self._on_signed()
        return True

    def _signed_content(self):
        """The mixin's content, plus the scan and its recorder for a paper signature (an e-signature's
        fingerprint stays as it was)."""
        content = super()._signed_content()
        record = self.with_env(self.env(su=True, context={"active_test": False}))
        if record.paper_signature_scan_id:
            scan = record.paper_signature_scan_id
            content["__signature__"]["paper"] = {
                "scan": [scan.name, hashlib.sha256(scan.raw or b"").hexdigest()],
                "recorded_by": record.paper_signature_user_id.id,
            }
        return content

    def _on_signed(self):
        with workflow_write():
            self.filtered(lambda c: c.state in ("draft", "sent")).write({"state": "signed"})
        if self.user_id:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=self.user_id.id,
                summary=self.env._("Contract signed by %(name)s", name=self.signed_by),
            )

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.name.replace("/", "-")

    def _licence_allowed(self):
        """The software licence is for a signed software contract that is running (not expired, closed or
        cancelled)."""
        self.ensure_one()
        return self.kind == "software" and self.is_signed and self.state in RUNNING_STATES

    def _has_contract_text(self):
        """Whether the terms hold text (the editor leaves an empty paragraph): the PDF and the portal
        show the Terms heading only then."""
        self.ensure_one()
        return not is_html_empty(self.contract_text)

    def _portal_documents(self):
        """Files the customer may download from the portal: documents, signed copies, the paper scan."""
        self.ensure_one()
        return (
            self.document_ids
            | self.signed_pdf_id
            | self.paper_signature_scan_id
            | self.acceptance_ids.signed_pdf_id
        )

    # ------------------------------------------------------------
    # INVOICING
    # ------------------------------------------------------------

    def action_create_invoice(self):
        """One click: a draft invoice with the contract's lines, customer and payment terms."""
        self.ensure_one()
        self._check_state(("signed", "accepted"), self.env._("Invoicing"))
        invoice = self.env["account.move"].create(self._prepare_invoice_values())
        return form_action(invoice)

    def _prepare_invoice_values(self, period_date=None, journal=None):
        self.ensure_one()
        if self.line_ids:
            lines = self.line_ids._prepare_invoice_lines_values(self.company_id)
        else:
            lines = [{"name": self.display_name, "quantity": 1.0, "price_unit": self.amount}]
        values = {
            "move_type": "out_invoice",
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "currency_id": self.currency_id.id,
            "fiscal_position_id": self.fiscal_position_id.id,
            "invoice_payment_term_id": self.payment_term_id.id,
            "invoice_origin": self.name,
            "invoice_user_id": self.user_id.id,
            "invoice_date": period_date,
            "customer_contract_id": self.id,
            "customer_contract_period_date": period_date,
            "invoice_line_ids": [Command.create(line) for line in lines],
        }
        if journal:
            values["journal_id"] = journal.id
        return values

    def _default_invoice_journals(self):
        """The sales journal Odoo picks for a new customer invoice, per company of the contracts."""
        Move = self.env["account.move"]
        return {
            company: Move.with_company(company)
            .new({"move_type": "out_invoice", "company_id": company.id})
            .journal_id
            for company in self.company_id
        }

    @api.model
    def _next_period_date(self, date, billing_period):
        """The billing date after `date` for a period; a plain helper, testable without records."""
        return date + relativedelta(months=BILLING_STEPS[billing_period])

    @api.model
    def _get_billing_domain(self, today=None):
        today = today or fields.Date.context_today(self)
        return [
            ("state", "in", RUNNING_STATES),
            ("billing_period", "!=", "none"),
            ("next_billing_date", "<=", today),
        ]

    @api.model
    def _cron_bill_contracts(self, batch_size=BILLING_BATCH_SIZE):
        """Invoice the due periods of the contracts, a batch per transaction; a contract that fails
        alone gets a message in its chatter and stays due, the others go on."""
        run_batched(
            self,
            self._get_billing_domain(),
            lambda contracts: contracts._bill_due_periods(),
            batch_size=batch_size,
            on_error=lambda contract, error: contract.message_post(
                body=self.env._("Periodic billing failed: %(error)s", error=str(error)),
            ),
        )

    def _bill_due_periods(self):
        """Bill the current due period of each contract.

        The invoice carries the period it bills (unique per contract) and the contract's next billing date
        moves in the same transaction, so a second or interrupted run never bills a period twice.
        """
        # A period starting after the expiry belongs to the next contract (a renewal), never to this one:
        # the contract's term is over (renewed tacitly when it renews so), the renewal bills that period.
        past_term = self.filtered(lambda c: c.expiry_date and c.next_billing_date > c.expiry_date)
        past_term._end_term()
        contracts = self - past_term
        billed = contracts._billed_periods()
        todo = contracts.filtered(lambda c: (c.id, c.next_billing_date) not in billed)
        # Periods already invoiced (an earlier run lost its date change): only move the date on.
        (contracts - todo)._advance_billing_date()
        todo._create_period_invoices()

    def _billed_periods(self):
        rows = self.env["account.move"].search_read(
            [("customer_contract_id", "in", self.ids), ("customer_contract_period_date", "!=", False)],
            ["customer_contract_id", "customer_contract_period_date"],
            load=None,
        )
        return {(row["customer_contract_id"], row["customer_contract_period_date"]) for row in rows}

    def _create_period_invoices(self):
        if not self:
            return self.env["account.move"]
        journals = self._default_invoice_journals()
        invoices = self.env["account.move"].create(
            [
                contract._prepare_invoice_values(contract.next_billing_date, journals[contract.company_id])
                for contract in self
            ]
        )
        to_post = invoices.filtered(lambda inv: inv.company_id.contract_invoice_post)
        if to_post:
            to_post.action_post()
        self._advance_billing_date()
        self.env.flush_all()  # raise database errors inside the caller's savepoint
        return invoices

    def _advance_billing_date(self):
        by_date = {}
        for contract in self:
            new_date = self._next_period_date(contract.next_billing_date, contract.billing_period)
            by_date.setdefault(new_date, self.browse())
            by_date[new_date] |= contract
        for new_date, contracts in by_date.items():
            contracts.write({"next_billing_date": new_date})

    # ------------------------------------------------------------
    # EXPIRY
    # ------------------------------------------------------------

    @api.model
    def _get_expiry_alert_domain(self, today=None):
        today = today or fields.Date.context_today(self)
        return [
            ("alert_sent", "=", False),
            ("alert_date", "<=", today),
            ("expiry_date", ">=", today),
            ("state", "in", RUNNING_STATES),
        ]

    @api.model
    def _cron_expiry_alerts(self, batch_size=CRON_BATCH_SIZE):
        """Mark the expired contracts, then send each due expiry alert once, a batch per transaction."""
        today = fields.Date.context_today(self)
        # Tacit renewals first: the contracts they renew are then marked expired like the others.
        run_batched(
            self,
            self._get_tacit_renewal_domain(today),
            lambda contracts: contracts._renew_tacitly(),
            batch_size=batch_size,
            on_error=lambda contract, error: contract.message_post(
                body=self.env._("Tacit renewal failed: %(error)s", error=str(error)),
            ),
        )
        with workflow_write():
            self.search([("state", "in", RUNNING_STATES), ("expiry_date", "<", today)]).write(
                {"state": "expired"}
            )
        run_batched(
            self,
            self._get_expiry_alert_domain(today),
            lambda contracts: contracts._send_expiry_alerts(),
            batch_size=batch_size,
        )
        run_batched(
            self,
            self._get_renewal_notice_domain(today),
            lambda contracts: contracts._send_renewal_notices(),
            batch_size=batch_size,
        )

    def _send_expiry_alerts(self):
        """One e-mail per company listing its expiring contracts, one activity per contract."""
        mails = []
        for company, contracts in self.grouped("company_id").items():
            values = contracts._prepare_expiry_mail_values(company)
            if values:
                mails.append(values)
        self.env["mail.mail"].sudo().create(mails)
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            [contract._prepare_expiry_activity_values(activity_type, model_id) for contract in self]
        )
        with workflow_write():
            self.write({"alert_sent": True})

    def _prepare_expiry_mail_values(self, company):
        email_to = company._contract_alert_email()
        if not email_to:
            _logger.warning("No e-mail for the contract expiry alerts of %s", company.name)
            return None
        body = self.env["ir.qweb"]._render(
            "contract_expiry.contract_expiry_alert_body", {"contracts": self, "company": company}
        )
        return {
            "subject": self.env._(
                "%(count)s contract(s) expiring soon - %(company)s", count=len(self), company=company.name
            ),
            "body_html": body,
            "email_from": company.email_formatted or self.env.user.email_formatted,
            "email_to": email_to,
            "auto_delete": True,
        }

    def _prepare_expiry_activity_values(self, activity_type, model_id):
        self.ensure_one()
        return {
            "res_model_id": model_id,
            "res_id": self.id,
            "activity_type_id": activity_type.id,
            "user_id": (self.user_id or self.env.user).id,
            "date_deadline": self.expiry_date,
            # In the language's own date format (23/12/2026 in Italian, 23.12.2026 in Romanian), not ISO.
            "summary": self.env._(
                "Contract expiring on %(date)s", date=format_date(self.env, self.expiry_date)
            ),
        }

    # ------------------------------------------------------------
    # RENEWAL
    # ------------------------------------------------------------

    def _check_renewal_allowed(self):
        """Renewing (or letting expire) is a commercial decision: the contract's responsible for their
        contracts, a sales manager or a contract administrator for any; as for a paper signature."""
        if self.env.su:
            return
        user = self.env.user
        back_office = user.has_group(self._signed_manager_group) or user.has_group(
            "contract_expiry.group_contract_admin"
        )
        if not back_office and (user.share or self.filtered(lambda c: c.user_id != user)):
            raise AccessError(
                self.env._(
                    "Only the contract's responsible, a sales manager or a contract administrator may "
                    "renew a contract or let it expire."
                )
            )
        self.check_access("write")

    def _check_can_be_renewed(self):
        for contract in self:
            if contract.state in ("draft", "sent", "cancelled", "closed"):
                raise UserError(
                    self.env._(
                        "Contract %(contract)s is not running (%(state)s): only a signed, accepted or "
                        "expired contract is renewed.",
                        contract=contract.display_name,
                        state=dict(self._fields["state"]._description_selection(self.env))[contract.state],
                    )
                )
            if contract.renewed_contract_id:
                raise UserError(
                    self.env._(
                        "Contract %(contract)s is already renewed by %(renewal)s.",
                        contract=contract.display_name,
                        renewal=contract.renewed_contract_id.display_name,
                    )
                )
            if not contract.expiry_date:
                raise UserError(
                    self.env._(
                        "Contract %(contract)s has no expiry date: there is no period to renew.",
                        contract=contract.display_name,
                    )
                )

    def action_renew(self):
        """Open the wizard that creates the next contract of this one."""
        self.ensure_one()
        self._check_renewal_allowed()
        self._check_can_be_renewed()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Renew"),
            "res_model": "customer.contract.renewal",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_contract_id": self.id},
        }

    def action_let_expire(self):
        """Record the decision not to renew: no renewal notice any more, no tacit renewal."""
        self._check_renewal_allowed()
        wrong = self.filtered(lambda c: c.renewal_decision or c.state not in (*RUNNING_STATES, "expired"))
        if wrong:
            raise UserError(
                self.env._(
                    "Contract %(contract)s is not running or its renewal is already decided.",
                    contract=wrong[0].display_name,
                )
            )
        with workflow_write():
            self.write({"renewal_decision": "let_expire"})
        for contract in self:
            contract.message_post(
                body=self.env._("Decided to let the contract expire: no renewal."),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_view_previous_contract(self):
        self.ensure_one()
        return form_action(self.previous_contract_id)

    def action_view_renewed_contract(self):
        self.ensure_one()
        return form_action(self.renewed_contract_id)

    def _renewal_default_dates(self):
        """The next period: from the day after the expiry, as long as this one (a year for a year)."""
        self.ensure_one()
        start = self.expiry_date + relativedelta(days=1)
        term = relativedelta(start, self.start_date)
        return start, start + term - relativedelta(days=1)

    def _renewal_next_billing_date(self, start_date):
        """The first billing date of the renewal: this contract's schedule carried on from `start_date`,
        so the periods go on without a gap and none is billed twice."""
        self.ensure_one()
        if self.billing_period == "none":
            return False
        date = self.next_billing_date or start_date
        while date < start_date:
            date = self._next_period_date(date, self.billing_period)
        return date

    def _prepare_renewal_values(self, start_date, expiry_date, percentage=0.0, tacit=False):
        self.ensure_one()
        factor = 1.0 + (percentage or 0.0) / 100.0
        digits = self.env["decimal.precision"].precision_get("Product Price")
        lines = []
        for line, line_values in zip(self.line_ids, self.line_ids.copy_data(), strict=True):
            line_values.pop("contract_id", None)
            line_values["price_unit"] = float_round(line.price_unit * factor, precision_digits=digits)
            lines.append(Command.create(line_values))
        values = {
            "start_date": start_date,
            "expiry_date": expiry_date,
            "previous_contract_id": self.id,
            "next_billing_date": self._renewal_next_billing_date(start_date),
            "fiscal_position_id": self.fiscal_position_id.id,
            "payment_term_id": self.payment_term_id.id,
            "line_ids": lines,
            # The customer agreed tacitly: the new contract runs at once. Otherwise it is a new document
            # to sign again.
            "state": "signed" if tacit else "draft",
            "tacitly_renewed": tacit,
        }
        if not self.line_ids:
            values["amount"] = self.currency_id.round(self.amount * factor)
        return values

    def _renew(self, start_date=None, expiry_date=None, percentage=0.0, tacit=False):
        """Create the next contract of each contract (same terms and lines, prices revised by
        `percentage`), link both ways and mark these renewed. Returns the new contracts."""
        if percentage is not None and percentage <= -100:
            raise ValidationError(self.env._("The price revision must be greater than -100%."))
        self._check_can_be_renewed()
        renewals = self.browse()
        for contract in self:
            default_start, default_expiry = contract._renewal_default_dates()
            start = start_date or default_start
            expiry = expiry_date or default_expiry
            if start <= contract.start_date:
                raise ValidationError(
                    self.env._("The renewal must start after the current contract's start.")
                )
            with workflow_write():
                renewal = contract.copy(contract._prepare_renewal_values(start, expiry, percentage, tacit))
                contract.write({"renewed_contract_id": renewal.id, "renewal_decision": "renewed"})
            if renewal.line_ids:
                # copy() carried the old amount over: the sum of the revised lines it is
                self.env.add_to_compute(self._fields["amount"], renewal)
                renewal.flush_recordset(["amount"])
            if renewal.template_id and not tacit:
                # the copied terms still say the old dates and prices: the draft to sign says the new ones
                renewal.contract_text = renewal._render_contract_text()
            if tacit:
                body = self.env._("Renewed tacitly by %(contract)s.", contract=renewal._html_link())
                renewal_body = self.env._(
                    "Renewed tacitly from %(contract)s.", contract=contract._html_link()
                )
            else:
                body = self.env._("Renewed by %(contract)s, to be signed.", contract=renewal._html_link())
                renewal_body = self.env._("Renewal of %(contract)s.", contract=contract._html_link())
            contract.message_post(body=body, subtype_xmlid="mail.mt_note")
            renewal.message_post(body=renewal_body, subtype_xmlid="mail.mt_note")
            renewals |= renewal
        return renewals

    def _html_link(self):
        """A link to this contract's form for a chatter message (escaped by Markup)."""
        self.ensure_one()
        return Markup('<a href="#" data-oe-model="%s" data-oe-id="%s">%s</a>') % (
            self._name,
            self.id,
            self.display_name,
        )

    @api.model
    def _get_tacit_renewal_domain(self, today=None):
        today = today or fields.Date.context_today(self)
        return [
            ("tacit_renewal", "=", True),
            ("renewal_decision", "=", False),
            ("state", "in", RUNNING_STATES),
            ("expiry_date", "<", today),
        ]

    def _renew_tacitly(self):
        """Renew at expiry with the same prices; the cron's loop retries a failing contract alone."""
        eligible = self.filtered(
            lambda c: c.tacit_renewal and not c.renewal_decision and c.state in RUNNING_STATES
        )
        return eligible._renew(tacit=True)

    def _end_term(self):
        """The term of these contracts is over: renew the tacit ones, then mark them all expired."""
        self._renew_tacitly()
        with workflow_write():
            self.filtered(lambda c: c.state in RUNNING_STATES).write({"state": "expired"})

    @api.model
    def _get_renewal_notice_domain(self, today=None):
        today = today or fields.Date.context_today(self)
        return [
            ("renewal_notice_sent", "=", False),
            ("renewal_decision", "=", False),
            ("renewal_notice_date", "<=", today),
            ("expiry_date", ">=", today),
            ("state", "in", RUNNING_STATES),
        ]

    def _send_renewal_notices(self):
        """The renewal e-mail to each customer contact, an activity for each responsible, once."""
        template = self.env.ref("contract_expiry.mail_template_contract_renewal_notice")
        # The template links the portal page only for a contact who may open it (`_renewal_portal_allowed`).
        for contract in self:
            contract._portal_ensure_token()
        self.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
        activity_type = self.env.ref("contract_expiry.mail_activity_type_renewal")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": contract.id,
                    "activity_type_id": activity_type.id,
                    "user_id": (contract.user_id or self.env.user).id,
                    "date_deadline": contract._renewal_activity_deadline(),
                    "summary": self.env._(
                        "Decide the renewal of the contract expiring on %(date)s",
                        date=format_date(self.env, contract.expiry_date),
                    ),
                }
                for contract in self
            ]
        )
        with workflow_write():
            self.write({"renewal_notice_sent": True})

    def _renewal_activity_deadline(self):
        """The day by which the renewal must be decided: the last day of the notice for a tacit
        renewal, the expiry otherwise."""
        self.ensure_one()
        if self.tacit_renewal and self.notice_period_days:
            return max(
                fields.Date.context_today(self),
                self.expiry_date - relativedelta(days=self.notice_period_days),
            )
        return self.expiry_date

    def _renewal_portal_allowed(self):
        """Whether the notice may show the portal link: the contact has the reserved area with contracts
        access, as for every document sent for the portal."""
        self.ensure_one()
        return self.partner_id._portal_has_access("portal_contracts_access")
