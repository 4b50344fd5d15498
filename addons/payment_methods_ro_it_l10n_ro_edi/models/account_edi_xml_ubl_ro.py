from odoo import models


class AccountEdiXmlUblRo(models.AbstractModel):
    _inherit = "account.edi.xml.ubl_ro"

    def _ubl_add_payment_means_nodes(self, vals):
        # Odoo writes 30 (credit transfer) when the invoice has a bank account, else ZZZ: the method agreed
        # with the customer (or the one the invoice was paid with) says how the money really comes in.
        super()._ubl_add_payment_means_nodes(vals)
        invoice = vals.get("invoice")
        method = invoice and invoice.is_sale_document() and invoice.collection_method_id
        if not method or not method.ubl_payment_means_code:
            return
        for node in vals["document_node"]["cac:PaymentMeans"]:
            node["cbc:PaymentMeansCode"] = {
                "_text": method.ubl_payment_means_code,
                "name": method._ubl_payment_means_name(),
            }
