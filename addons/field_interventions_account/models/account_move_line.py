from contextlib import contextmanager
from contextvars import ContextVar

from odoo import api, fields, models
from odoo.exceptions import AccessError

# Set only while the interventions' own billing code creates invoice lines: a Python-level flag that no
# client context reaches (call_kw passes the client's context through).
_BILLING_WRITE = ContextVar("field_interventions_account_billing_write", default=False)


@contextmanager
def billing_write():
    """Let the code inside link invoice lines to interventions."""
    token = _BILLING_WRITE.set(True)
    try:
        yield
    finally:
        _BILLING_WRITE.reset(token)


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    field_intervention_id = fields.Many2one(
        "field.intervention",
        string="Intervention",
        index="btree_not_null",
        readonly=True,
        copy=False,
        ondelete="restrict",
        help="The intervention this line bills.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("field_intervention_id") for vals in vals_list):
            self._check_billing_write()
        return super().create(vals_list)

    def write(self, vals):
        if "field_intervention_id" in vals:
            self._check_billing_write()
        return super().write(vals)

    def _check_billing_write(self):
        """Which intervention a line bills is set by the billing actions only: linking a line by hand
        would mark an intervention billed (or free one) without its invoice."""
        if not (self.env.su or _BILLING_WRITE.get()):
            raise AccessError(
                self.env._("Invoice lines are linked to interventions only by the interventions' billing.")
            )
