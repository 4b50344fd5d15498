from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import OrdersCommon


@tagged("post_install", "-at_install")
class TestTranslations(OrdersCommon):
    def _assert_translated(self, model, field_name, expected, error_class, trigger):
        """Per language, the field's label and the error raised by ``trigger(lang)`` come translated.

        :param expected: {lang: (label, error message)}
        """
        module = self.env["ir.module.module"].search([("name", "=", "crm_orders_ext")])
        for lang, (label, error) in expected.items():
            with self.subTest(lang=lang):
                self.env["res.lang"]._activate_lang(lang)
                module._update_translations([lang])
                field = self.env["ir.model.fields"]._get(model, field_name)
                self.assertEqual(field.with_context(lang=lang).field_description, label)
                with self.assertRaisesRegex(error_class, error):
                    trigger(lang)

    def test_italian_and_romanian(self):
        self._assert_translated(
            "sale.order",
            "contact_person_id",
            {
                "it_IT": ("Persona di contatto", "Nessun tuo timer è attivo su"),
                "ro_RO": ("Persoană de contact", "Niciun cronometru al dumneavoastră nu rulează pe"),
            },
            UserError,
            lambda lang: self._create_order().with_context(lang=lang).action_timer_stop(),
        )

    def test_portal_request_italian_and_romanian(self):
        self._assert_translated(
            "product.template",
            "portal_orderable",
            {
                "it_IT": ("Ordinabile dal portale", "Le quantità devono essere maggiori di zero."),
                "ro_RO": ("Comandabil din portal", "Cantitățile trebuie să fie mai mari decât zero."),
            },
            ValidationError,
            lambda lang: (
                self.env["sale.order"]
                .with_context(lang=lang)
                ._portal_check_request([(self.product.id, 0.0)], "", None, [])
            ),
        )
