from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for code in ("it_IT", "ro_RO"):
            cls.env["res.lang"]._activate_lang(code)
        cls.env["ir.module.module"].search([("name", "=", "customer_portal_events")])._update_translations(
            ["it_IT", "ro_RO"]
        )

    def test_field_labels_are_translated(self):
        for lang, label in (("it_IT", "Ricordamelo il"), ("ro_RO", "Amintește-mi la")):
            fields = self.env["portal.reminder"].with_context(lang=lang).fields_get(["date_remind"])
            self.assertEqual(fields["date_remind"]["string"], label)

    def test_messages_are_translated(self):
        for lang, text in (("it_IT", "Scrivi un messaggio o allega un file."), ("ro_RO", "Scrieți un mesaj")):
            env = self.env(context=dict(self.env.context, lang=lang))
            self.assertIn(text, env._("Write a message or attach a file."))

    def test_file_kinds_are_translated(self):
        kind = self.env.ref("customer_portal_events.file_kind_signed")
        self.assertEqual(kind.with_context(lang="it_IT").name, "Documenti firmati")
        self.assertEqual(kind.with_context(lang="ro_RO").name, "Documente semnate")
        env = self.env(context=dict(self.env.context, lang="it_IT"))
        self.assertEqual(env._("This kind of file does not exist."), "Questo tipo di file non esiste.")
