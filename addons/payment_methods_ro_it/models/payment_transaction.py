from markupsafe import Markup

from odoo import models


class PaymentTransaction(models.Model):
    _inherit = "payment.transaction"

    def _create_payment(self, **extra_create_values):
        # The provider's confirmation is the card cash-in: the payment carries the card method.
        if "collection_method_id" not in extra_create_values:
            card = self.env["account.collection.method"].sudo()._get_for_kind("card", self.company_id)
            extra_create_values["collection_method_id"] = card.id
        return super()._create_payment(**extra_create_values)

    def _post_process(self):
        res = super()._post_process()
        for tx in self.filtered(lambda t: t.state in ("cancel", "error")):
            message = Markup("%s<br/>%s") % (
                self.env._(
                    "The online payment %(ref)s did not go through (%(state)s): "
                    "the invoice is still to be paid.",
                    ref=tx.reference,
                    state=dict(tx._fields["state"]._description_selection(tx.env))[tx.state],
                ),
                tx.state_message or "",
            )
            for invoice in tx.invoice_ids:
                invoice.message_post(body=message)
        return res
