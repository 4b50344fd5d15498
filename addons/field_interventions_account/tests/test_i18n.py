from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged

I18N = Path(__file__).parent.parent / "i18n"


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    def test_italian_and_romanian_complete(self):
        template = polib.pofile(str(I18N / "field_interventions_account.pot"))
        msgids = {entry.msgid for entry in template if entry.msgid}
        self.assertGreater(len(msgids), 30)
        for lang in ("it", "ro"):
            with self.subTest(lang=lang):
                catalog = polib.pofile(str(I18N / f"{lang}.po"))
                translated = {entry.msgid for entry in catalog if entry.msgstr and not entry.obsolete}
                self.assertEqual(msgids - translated, set(), f"untranslated in {lang}.po")
                self.assertFalse([e.msgid for e in catalog if "fuzzy" in e.flags])

    def test_translation_used_in_italian(self):
        self.env["res.lang"]._activate_lang("it_IT")
        module = self.env["ir.module.module"].search([("name", "=", "field_interventions_account")])
        module._update_translations(["it_IT"])
        field = self.env["ir.model.fields"]._get("res.company", "field_travel_km_rate")
        self.assertEqual(field.with_context(lang="it_IT").field_description, "Tariffa al km")
        Intervention = self.env["field.intervention"].with_context(lang="it_IT")
        selection = dict(Intervention._fields["billing_state"]._description_selection(Intervention.env))
        self.assertEqual(selection["billed"], "Fatturato")
