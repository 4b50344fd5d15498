from odoo.addons.customer_portal_base.tests.common import PDF
from odoo.http import Request
from odoo.tests import JsonRpcException, tagged
from odoo.tools import mute_logger

from .portal_request_common import PortalDraftRequestCase


@tagged("post_install", "-at_install")
class TestPortalRequestEvents(PortalDraftRequestCase):
    """A draft portal request is its author's on the order-event routes too (files, chat, file kinds,
    bus channel), not only on its page: another contact of the customer with reserved-area access gets
    nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        event = cls.request_a._portal_post_event(
            cls.portal_user_a.partner_id, "Alfa secret plan", [("plan.pdf", PDF)]
        )
        cls.attachment = event.attachment_ids
        cls.file_url = f"/my/orders/{cls.request_a.id}/events/file/{cls.attachment.id}"

    def _chat(self, message):
        return self.make_jsonrpc_request(f"/my/orders/{self.request_a.id}/events/chat", {"message": message})

    def _events(self):
        return self.env["mail.message"].search(self.request_a._portal_events_domain())

    @mute_logger("odoo.http")
    def test_colleague_gets_nothing_of_a_draft_request(self):
        before = len(self._events())
        kind = self.env["file.kind"].search([], limit=1)
        self.authenticate("portal_a3", "portal_a3")
        for query in ("", f"?access_token={self.request_a.access_token}"):
            download = self.url_open(self.file_url + query)
            self.assertIn(download.status_code, (403, 404), query)
            self.assertNotIn(PDF, download.content)
        with self.assertRaises(JsonRpcException):
            self._chat("Colleague was here")
        response = self.url_open(
            f"/my/orders/{self.request_a.id}/files/{self.attachment.id}/kind",
            data={"csrf_token": Request.csrf_token(self), "file_kind_id": kind.id},
            allow_redirects=False,
        )
        self.assertIn(response.status_code, (403, 404))
        self.assertEqual(len(self._events()), before, "nothing posted")
        self.assertNotIn("Colleague was here", str(self._events().mapped("body")))
        # no live channel of the request either
        channel = f"customer_portal_events.order_{self.request_a.id}"
        Websocket = self.env["ir.websocket"].with_user(self.portal_user_a3)
        self.assertFalse(Websocket._order_page_channels([channel]))
        self.assertFalse(self.request_a._portal_events_allowed(self.portal_user_a3))

    def test_author_keeps_the_events_and_colleague_gets_them_once_sent(self):
        self.authenticate("portal_a", "portal_a")
        download = self.url_open(self.file_url)
        self.assertEqual(download.status_code, 200)
        self.assertEqual(download.content, PDF)
        self.assertIn("event", self._chat("Any news?"))
        channel = f"customer_portal_events.order_{self.request_a.id}"
        self.assertTrue(
            self.env["ir.websocket"].with_user(self.portal_user_a)._order_page_channels([channel])
        )
        # sent as a quotation, the request is the customer's: the colleague follows it
        self.request_a.state = "sent"
        self.assertTrue(self.request_a._portal_events_allowed(self.portal_user_a3))
        self.authenticate("portal_a3", "portal_a3")
        self.assertEqual(self.url_open(self.file_url).status_code, 200)
