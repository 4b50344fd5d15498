import re

from odoo import api, models
from odoo.addons.base_iban.models.res_partner_bank import normalize_iban, validate_iban

# Two letters and two check digits: the number is meant as an IBAN, so it must be a valid one.
IBAN_LIKE = re.compile(r"^[A-Z]{2}[0-9]{2}")


class ResPartnerBank(models.Model):
    _inherit = "res.partner.bank"

    @api.constrains("acc_number")
    def _check_acc_number_iban(self):
        for bank in self:
            number = normalize_iban(bank.acc_number or "").upper()
            if IBAN_LIKE.match(number):
                validate_iban(number)
