"""Odoo's own runner sees only what each addon's tests/__init__.py imports, and of each test class only the
test methods defined on the class itself: a test file left out, or a test inherited from a base class, runs
under pytest and silently never under Odoo's runner (OCA CI, runboat, integrators)."""

import unittest

from odoo.tests import TransactionCase, loader, tagged

from .common import ADDONS_DIR, SUITE


@tagged("post_install", "-at_install")
class TestEveryTestRunsUnderOdoosRunner(TransactionCase):
    def test_every_test_file_is_imported(self):
        for addon in SUITE:
            with self.subTest(addon=addon):
                files = {path.stem for path in (ADDONS_DIR / addon / "tests").glob("test_*.py")}
                seen = {module.__name__.rsplit(".", 1)[-1] for module in loader.get_test_modules(addon)}
                self.assertEqual(sorted(files - seen), [], "test files tests/__init__.py does not import")

    def test_odoos_runner_collects_every_test_method(self):
        # pytest collects inherited test methods too; Odoo's runner only those of the class's own __dict__.
        names = unittest.TestLoader().getTestCaseNames
        for addon in SUITE:
            for module in loader.get_test_modules(addon):
                odoo_ids = {test.id() for test in loader.get_module_test_cases(module)}
                for cls in vars(module).values():
                    if not (isinstance(cls, type) and issubclass(cls, unittest.TestCase)):
                        continue
                    if cls.__module__ != module.__name__:
                        continue
                    with self.subTest(test_class=f"{module.__name__}.{cls.__name__}"):
                        expected = {f"{cls.__module__}.{cls.__qualname__}.{name}" for name in names(cls)}
                        self.assertEqual(sorted(expected - odoo_ids), [], "tests Odoo's runner skips")
