from odoo.addons.customer_portal_base.tools import upload
from odoo.tests import tagged

from .order_page_common import JPEG, PDF, OrderPageCase


@tagged("post_install", "-at_install")
class TestOrderPageUploadLimits(OrderPageCase):
    def _files(self, count, content=PDF, extension="pdf"):
        return [("files", (f"f{i}.{extension}", content, "application/pdf")) for i in range(count)]

    def _order_attachments(self):
        return self.env["ir.attachment"].search_count(
            [("res_model", "=", "sale.order"), ("res_id", "=", self.order_a.id)]
        )

    def test_count_type_and_rate_on_the_route(self):
        self.authenticate("portal_a", "portal_a")
        before = self._order_attachments()
        events = len(self._events())

        too_many = self._post_event("many", files=self._files(upload.MAX_FILES_PER_UPLOAD + 1))
        self.assertEqual(too_many.status_code, 400)
        self.assertIn("at most 10 files", too_many.text)

        disguised = self._post_event("plan", files=self._files(1, b"<html><script>x</script></html>"))
        self.assertEqual(disguised.status_code, 415)
        self.assertIn("is not a PDF file", disguised.text)
        self.assertEqual((self._order_attachments(), len(self._events())), (before, events), "nothing saved")

        # the customer's side uploaded the hour's share already
        self.order_a.with_user(self.portal_user_a).sudo()._portal_post_event(
            self.portal_user_a.partner_id, "", [(f"old{i}.txt", b"old file") for i in range(10)]
        )
        for _batch in range(upload.MAX_FILES_PER_HOUR // 10 - 1):
            self.assertEqual(self._post_event("batch", files=self._files(10)).status_code, 303)
        flood = self._post_event("one more", files=self._files(1))
        self.assertEqual(flood.status_code, 429)
        self.assertIn("Too many files in the last hour", flood.text)
        self.assertEqual(self._order_attachments(), before + upload.MAX_FILES_PER_HOUR)
        # text alone still goes through
        self.assertEqual(self._post_event("Only words").status_code, 303)

    def test_public_token_visitor_is_checked_too(self):
        self.authenticate(None, None)
        response = self._post_event(
            "plan", files=self._files(1, JPEG), access_token=self.order_a.access_token
        )
        self.assertEqual(response.status_code, 415)
        self.assertIn("is not a PDF file", response.text)
