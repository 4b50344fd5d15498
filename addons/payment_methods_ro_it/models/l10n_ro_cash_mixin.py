from odoo import api, fields, models


class L10nRoCashMixin(models.AbstractModel):
    """Whether a record's company is Romanian: the chitanță rules apply to Romanian companies only.

    The OCA/l10n-romania way (``l10n_ro_config``'s mixin): one computed flag, from the company's country,
    on every model whose behaviour Romanian law decides.
    """

    _name = "l10n.ro.cash.mixin"
    _description = "Romanian company (cash receipts)"

    l10n_ro_is_romanian = fields.Boolean(string="Romanian company", compute="_compute_l10n_ro_is_romanian")

    @api.depends("company_id.partner_id.country_id")
    def _compute_l10n_ro_is_romanian(self):
        for record in self:
            record.l10n_ro_is_romanian = record.company_id.country_id.code == "RO"
