"""Every user-facing text of the suite is translatable and shipped in Italian and Romanian.

The terms come from Odoo's own exporter (code, views, data, reports, JS/XML templates), so a string added
without its translation, or missing from the addon's .pot, fails here.
"""

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import TranslationModuleReader

from .common import ADDONS_DIR, SUITE

LANGUAGES = ("it", "ro")


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    def _terms(self, module):
        return {
            source
            for _module, _type, _name, _res_id, source, _value, _comments in TranslationModuleReader(
                self.env.cr, modules=[module]
            )
        }

    def test_every_term_in_pot_and_translated(self):
        for module in sorted(SUITE):
            terms = self._terms(module)
            i18n = ADDONS_DIR / module / "i18n"
            with self.subTest(module=module, file=f"{module}.pot"):
                pot = polib.pofile(str(i18n / f"{module}.pot"))
                self.assertFalse(
                    sorted(terms - {entry.msgid for entry in pot})[:20], "terms missing from the .pot"
                )
            for lang in LANGUAGES:
                with self.subTest(module=module, lang=lang):
                    po = polib.pofile(str(i18n / f"{lang}.po"))
                    translated = {e.msgid for e in po if e.msgstr.strip() and "fuzzy" not in e.flags}
                    missing = sorted(terms - translated)
                    self.assertFalse(missing[:20], f"{len(missing)} terms untranslated in {lang}.po")
