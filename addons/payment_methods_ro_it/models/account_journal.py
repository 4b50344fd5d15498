from odoo import api, fields, models
from odoo.exceptions import ValidationError

SEQUENCE_CODE = "account.cash.receipt"


class AccountJournal(models.Model):
    """A cash journal of a Romanian company numbers its chitanțe with its own series."""

    _name = "account.journal"
    _inherit = ["account.journal", "l10n.ro.cash.mixin"]

    l10n_ro_cash_receipt_sequence_id = fields.Many2one(
        "ir.sequence",
        string="Cash receipt sequence",
        copy=False,
        readonly=True,
        groups="account.group_account_manager",
        help="Gapless numbering of this cash desk's receipts (chitanțe), created with its first receipt.",
    )
    l10n_ro_cash_receipt_series = fields.Char(
        string="Cash receipt series",
        compute="_compute_l10n_ro_cash_receipt_series",
        inverse="_inverse_l10n_ro_cash_receipt_series",
        groups="account.group_account_manager",
        help="Series printed on this cash desk's receipts; each cash journal of the company has its own.",
    )
    l10n_ro_cash_receipt_next_number = fields.Integer(
        string="Next cash receipt number",
        related="l10n_ro_cash_receipt_sequence_id.number_next_actual",
        help="Number the next cash receipt of this cash desk will get.",
        groups="account.group_account_manager",
    )

    @api.depends("l10n_ro_cash_receipt_sequence_id.prefix")
    def _compute_l10n_ro_cash_receipt_series(self):
        for journal in self:
            journal.l10n_ro_cash_receipt_series = journal.l10n_ro_cash_receipt_sequence_id.prefix

    def _inverse_l10n_ro_cash_receipt_series(self):
        for journal in self:
            if journal.type != "cash" or not journal.l10n_ro_is_romanian:
                raise ValidationError(
                    self.env._(
                        "Only the cash journals of a Romanian company number cash receipts (%s).",
                        journal.name,
                    )
                )
            series = (journal.l10n_ro_cash_receipt_series or "").strip()
            if journal.l10n_ro_cash_receipt_sequence_id:
                journal.l10n_ro_cash_receipt_sequence_id.sudo().prefix = series
            else:
                journal._l10n_ro_cash_receipt_sequence(series)
        self._check_l10n_ro_cash_receipt_series()

    def _check_l10n_ro_cash_receipt_series(self):
        """Receipt numbers are unique per (company, series): a series belongs to one cash journal."""
        for journal in self.sudo().filtered("l10n_ro_cash_receipt_sequence_id"):
            series = journal.l10n_ro_cash_receipt_sequence_id.prefix
            if not (series or "").strip():
                raise ValidationError(
                    self.env._("The cash journal %s needs a cash receipt series.", journal.name)
                )
            twin = self.sudo().search(
                [
                    ("id", "!=", journal.id),
                    ("company_id", "=", journal.company_id.id),
                    ("l10n_ro_cash_receipt_sequence_id.prefix", "=", series),
                ],
                limit=1,
            )
            twin = twin or (
                self.env["account.cash.receipt"]
                .sudo()
                .search(
                    [
                        ("company_id", "=", journal.company_id.id),
                        ("series", "=", series.strip()),
                        ("journal_id", "!=", journal.id),
                    ],
                    limit=1,
                )
                .journal_id
            )
            if twin:
                raise ValidationError(
                    self.env._(
                        "The cash receipt series %(series)s is already used by the journal %(journal)s: "
                        "give each cash journal its own series.",
                        series=series,
                        journal=twin.name,
                    )
                )

    def _l10n_ro_cash_receipt_sequence(self, series=None):
        """This cash journal's receipt sequence, created on first use (series: the journal's code)."""
        self.ensure_one()
        journal = self.sudo()
        if not journal.l10n_ro_cash_receipt_sequence_id:
            journal.l10n_ro_cash_receipt_sequence_id = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": self.env._("Cash receipts %s", journal.name),
                        "code": SEQUENCE_CODE,
                        "company_id": journal.company_id.id,
                        "prefix": series or journal.code,
                        "implementation": "no_gap",
                        "padding": 6,
                    }
                )
            )
            journal._check_l10n_ro_cash_receipt_series()
        return journal.l10n_ro_cash_receipt_sequence_id
