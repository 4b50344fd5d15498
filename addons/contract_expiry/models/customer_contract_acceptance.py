from odoo import api, fields, models
from odoo.addons.customer_portal_base.models.signed_document_mixin import workflow_write
from odoo.exceptions import UserError


class CustomerContractAcceptance(models.Model):
    """Acceptance report (proces-verbal de acceptanță): the customer confirms the contract's work is done."""

    _name = "customer.contract.acceptance"
    _description = "Contract acceptance report"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin", "signed.document.mixin"]
    _order = "date desc, id desc"

    _signed_fields = ("contract_id", "date", "delivered_items", "notes")
    _signed_report = "contract_expiry.action_report_contract_acceptance"
    _signed_manager_group = "contract_expiry.group_contract_admin"
    _workflow_fields = ("state",)

    name = fields.Char(string="Number", required=True, readonly=True, copy=False, default="/")
    contract_id = fields.Many2one("customer.contract", required=True, ondelete="restrict", index=True)
    partner_id = fields.Many2one(related="contract_id.partner_id", store=True, string="Customer")
    commercial_partner_id = fields.Many2one(related="contract_id.commercial_partner_id", store=True)
    company_id = fields.Many2one(related="contract_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    delivered_items = fields.Text(string="Delivered items", required=True)
    notes = fields.Text()
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent"), ("signed", "Signed")],
        default="draft",
        required=True,
        copy=False,
        tracking=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = sequence.next_by_code("customer.contract.acceptance") or "/"
        return super().create(vals_list)

    def _compute_access_url(self):
        for acceptance in self:
            acceptance.access_url = f"/my/acceptances/{acceptance.id}"

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.name.replace("/", "-")

    def action_send(self):
        """One click: e-mail the customer the link to sign the report."""
        template = self.env.ref("contract_expiry.mail_template_acceptance_signature")
        for acceptance in self:
            if acceptance.state == "signed":
                raise UserError(self.env._("This acceptance report is already signed."))
            acceptance._portal_ensure_token()
            acceptance.message_subscribe(partner_ids=acceptance.partner_id.ids)
            acceptance.message_post_with_source(template, subtype_xmlid="mail.mt_comment")
        with workflow_write():
            self.write({"state": "sent"})
        return True

    def _check_can_be_signed(self):
        if self.state == "draft":
            raise UserError(self.env._("This acceptance report has not been sent to the customer yet."))
        if self.contract_id.state not in ("signed", "accepted"):
            raise UserError(
                self.env._(
                    "Contract %(contract)s is no longer running: its acceptance report cannot be signed.",
                    contract=self.contract_id.display_name,
                )
            )

    def _on_signed(self):
        with workflow_write():
            self.write({"state": "signed"})
        contract = self.contract_id
        contract.message_post(
            body=self.env._(
                "Acceptance report %(name)s signed by %(signer)s.", name=self.name, signer=self.signed_by
            ),
            attachment_ids=self.signed_pdf_id.copy({"res_model": contract._name, "res_id": contract.id}).ids,
        )
        contract._on_acceptance_signed()
