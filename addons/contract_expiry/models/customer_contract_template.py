from odoo import api, fields, models

from .customer_contract import CONTRACT_KINDS


class CustomerContractTemplate(models.Model):
    """The text of a kind of contract, with placeholders filled from the contract it is applied to.

    Rendered like the body of a mail.template: the QWeb engine of mail.render.mixin, `object` being the
    contract. Like mail.template, a template may hold only simple field paths unless its author is a
    template editor (checked by the mixin on create and write), so its rendering is unrestricted."""

    _name = "customer.contract.template"
    _description = "Contract text template"
    _inherit = ["mail.render.mixin"]
    _order = "sequence, name, id"
    _unrestricted_rendering = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        selection=CONTRACT_KINDS,
        string="Contract kind",
        required=True,
        default="service",
        help="Offered on contracts of this kind only.",
    )
    company_id = fields.Many2one(
        "res.company",
        index=True,
        default=lambda self: self.env.company,
        help="Offered on contracts of this company only; empty for every company.",
    )
    body = fields.Html(
        render_engine="qweb",
        translate=True,
        sanitize="email_outgoing",
        help="The terms of the contract, written in each language of the customers. Placeholders are "
        "QWeb expressions on the contract, as in the body of an e-mail template: "
        '<t t-out="object.partner_id.name"/>, <t t-out="object.start_date"/>, '
        '<t t-out="object.expiry_date"/>, <t t-out="object.amount"/>, '
        '<t t-out="object.currency_id.name"/>, <t t-out="object.title"/>. The text is rendered '
        "in the customer's language when the template is applied to a contract.",
    )

    @api.depends()
    def _compute_render_model(self):
        self.render_model = "customer.contract"
