from odoo.http import Request
from odoo.tests import tagged

from .portal_request_common import PortalRequestCase


@tagged("post_install", "-at_install")
class TestPortalRequestRate(PortalRequestCase):
    """A portal user cannot flood the salespeople with order requests or change requests: past the
    hourly limit the portal answers 429 and saves nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._new_portal_user("portal_a3", cls.customer_a, reserved=True)

    def _as_a(self):
        return self.env["sale.order"].with_user(self.portal_user_a).sudo()

    def test_request_flood_refused_with_429(self):
        limit = self.env["sale.order"]._PORTAL_MAX_REQUESTS_PER_HOUR
        for _index in range(limit - 1):
            self._as_a()._portal_create_request(self.portal_user_a.partner_id, [(self.boiler_check.id, 1.0)])
        self.authenticate("portal_a", "portal_a")
        self.assertEqual(self._post_request([(self.boiler_check.id, 1)]).status_code, 303)
        count = len(self._requests_of(self.customer_a))
        leads = self.env["crm.lead"].search_count([])

        flood = self._post_request([(self.boiler_check.id, 1)], text="One too many")
        self.assertEqual(flood.status_code, 429)
        self.assertIn("Too many order requests", flood.text)
        self.assertEqual(len(self._requests_of(self.customer_a)), count, "no request saved")
        self.assertEqual(self.env["crm.lead"].search_count([]), leads, "no opportunity either")
        # a colleague is not limited by A's requests
        self.authenticate("portal_a3", "portal_a3")
        self.assertEqual(self._post_request([(self.boiler_check.id, 1)]).status_code, 303)

    def test_changes_flood_refused_with_429(self):
        limit = self.env["sale.order"]._PORTAL_MAX_CHANGES_PER_HOUR
        quotation = self.env["sale.order"]._portal_create_request(
            self.portal_user_a.partner_id, [(self.boiler_check.id, 1.0)]
        )
        quotation.state = "sent"
        for index in range(limit - 1):
            quotation.with_user(self.portal_user_a).sudo()._portal_ask_changes(
                self.portal_user_a.partner_id, f"Change {index}"
            )
        self.authenticate("portal_a", "portal_a")
        url = f"/my/orders/{quotation.id}/changes"
        last = self.url_open(
            url, data={"csrf_token": Request.csrf_token(self), "message": "Last one"}, allow_redirects=False
        )
        self.assertEqual(last.status_code, 303)
        self.assertIn("changes_sent", last.headers["Location"])
        messages = len(quotation.message_ids)
        activities = len(quotation.activity_ids)

        flood = self.url_open(
            url,
            data={"csrf_token": Request.csrf_token(self), "message": "One too many"},
            allow_redirects=False,
        )
        self.assertEqual(flood.status_code, 429)
        self.assertIn("Too many changes asked", flood.text)
        quotation.invalidate_recordset()
        self.assertEqual(len(quotation.message_ids), messages, "no message saved")
        self.assertEqual(len(quotation.activity_ids), activities, "no activity either")
        self.assertNotIn("One too many", str(quotation.message_ids.mapped("body")))
