from odoo import models


class MailComposeMessage(models.TransientModel):
    _inherit = "mail.compose.message"

    def _action_send_mail_comment(self, res_ids):
        """Sending a draft contract for signature from the composer makes it "sent".

        The `mark_contract_as_sent` key comes from `customer.contract.action_send_for_signature`, but a
        context is the client's: it is honoured only here, for an internal user who may write on the
        contracts, never in `message_post` (which `/mail/message/post` reaches with a portal token).
        """
        messages = super()._action_send_mail_comment(res_ids)
        if (
            self.model == "customer.contract"
            and self.composition_mode == "comment"
            and self.env.context.get("mark_contract_as_sent")
            and not self.env.user.share
        ):
            contracts = self.env["customer.contract"].browse(res_ids)
            contracts.check_access("write")
            contracts._mark_as_sent()
        return messages
