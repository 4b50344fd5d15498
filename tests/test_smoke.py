"""One smoke test of the whole suite: installed together, the backend and the portal open in Chromium."""

from odoo.tests import HttpCase, new_test_user, tagged

from .common import SUITE


@tagged("post_install", "-at_install")
class TestSuiteSmoke(HttpCase):
    def test_suite_installed_with_dependencies(self):
        modules = self.env["ir.module.module"].search([("name", "in", SUITE)])
        self.assertEqual(sorted(modules.filtered(lambda m: m.state == "installed").mapped("name")), SUITE)
        deps = modules.dependencies_id.depend_id
        self.assertFalse(deps.filtered(lambda m: m.state != "installed").mapped("name"))

    def test_backend_and_portal_open_in_chromium(self):
        # One browser for the suite: the backend's web client boots with every addon's assets...
        self.browser_js("/odoo", "console.log('test successful')", "odoo.isReady === true", login="admin")
        # ...and so does the portal home of a customer's portal user.
        new_test_user(self.env, login="smoke_portal", groups="base.group_portal")
        self.browser_js(
            "/my",
            "console.log('test successful')",
            "document.readyState === 'complete' && !!document.querySelector('.o_portal_my_home')",
            login="smoke_portal",
        )
