from odoo.tests import HttpCase, TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_installed_with_dependencies(self):
        module = self.env["ir.module.module"].search([("name", "=", "customer_portal_events")])
        self.assertEqual(module.state, "installed")
        for dep in module.dependencies_id:
            self.assertEqual(dep.state, "installed", dep.name)


@tagged("post_install", "-at_install")
class TestBackendLoads(HttpCase):
    def test_backend_opens_in_chromium(self):
        self.browser_js("/odoo", "console.log('test successful')", "odoo.isReady === true", login="admin")
