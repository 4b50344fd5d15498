from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import OrdersCommon


@tagged("post_install", "-at_install")
class TestTranslations(OrdersCommon):
    def test_italian_and_romanian(self):
        module = self.env["ir.module.module"].search([("name", "=", "crm_orders_ext")])
        expected = {
            "it_IT": ("Persona di contatto", "Nessun tuo timer è attivo su"),
            "ro_RO": ("Persoană de contact", "Niciun cronometru al dumneavoastră nu rulează pe"),
        }
        for lang, (label, error) in expected.items():
            with self.subTest(lang=lang):
                self.env["res.lang"]._activate_lang(lang)
                module._update_translations([lang])
                field = self.env["ir.model.fields"]._get("sale.order", "contact_person_id")
                self.assertEqual(field.with_context(lang=lang).field_description, label)
                order = self._create_order().with_context(lang=lang)
                with self.assertRaisesRegex(UserError, error):
                    order.action_timer_stop()

    def test_portal_request_italian_and_romanian(self):
        module = self.env["ir.module.module"].search([("name", "=", "crm_orders_ext")])
        expected = {
            "it_IT": ("Ordinabile dal portale", "Le quantità devono essere maggiori di zero."),
            "ro_RO": ("Comandabil din portal", "Cantitățile trebuie să fie mai mari decât zero."),
        }
        for lang, (label, error) in expected.items():
            with self.subTest(lang=lang):
                self.env["res.lang"]._activate_lang(lang)
                module._update_translations([lang])
                field = self.env["ir.model.fields"]._get("product.template", "portal_orderable")
                self.assertEqual(field.with_context(lang=lang).field_description, label)
                with self.assertRaisesRegex(ValidationError, error):
                    self.env["sale.order"].with_context(lang=lang)._portal_check_request(
                        [(self.product.id, 0.0)], "", None, []
                    )
