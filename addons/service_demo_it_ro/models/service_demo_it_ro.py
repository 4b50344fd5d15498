from odoo import api, fields, models


class ServiceDemoItRo(models.AbstractModel):
    """What the demo data cannot say in XML: a payment registered as a user registers it.

    The demo's XML holds the data (companies, customers, documents); this helper only drives Odoo's own
    *Register Payment* wizard in the invoice's company, so the payment, its reconciliation and (for a
    Romanian company) its chitanță come from the same code a user runs.
    """

    _name = "service.demo.it.ro"
    _description = "Demo helper (Italy, Romania)"

    @api.model
    def _collection_journal(self, company, method):
        """The journal a cashier of `company` picks for `method`: the cash desk for cash, else the bank."""
        journal_type = "cash" if method.kind == "cash" else "bank"
        return self.env["account.journal"].search(
            [*self.env["account.journal"]._check_company_domain(company), ("type", "=", journal_type)],
            order="sequence, id",
            limit=1,
        )

    @api.model
    def _register_payment(self, invoice_id, method_id, amount, values=None, xmlid=None):
        """Collect `amount` of the posted invoice with the collection method, through the wizard.

        `values`: more wizard fields (payment_date, bank_order_ref, pos_transaction_ref, ...). `xmlid`
        (module.name) names the payment, so the demo can point to it. Returns the payment.
        """
        invoice = self.env["account.move"].browse(invoice_id)
        method = self.env["account.collection.method"].browse(method_id)
        company = invoice.company_id
        wizard = (
            self.env["account.payment.register"]
            .with_company(company)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create(
                {
                    "collection_method_id": method.id,
                    "journal_id": self._collection_journal(company, method).id,
                    "amount": amount,
                    "payment_date": fields.Date.context_today(self),
                    "payment_difference_handling": "open",
                    **(values or {}),
                }
            )
        )
        payment = wizard._create_payments()
        if xmlid:
            # Demo data run as the company's user, who may not write ir.model.data.
            self.env["ir.model.data"].sudo()._update_xmlids(
                [{"xml_id": xmlid, "record": payment, "noupdate": True}]
            )
        return payment
