from odoo.tests import tagged

from .order_page_common import OrderPageCase


@tagged("post_install", "-at_install")
class TestOrderEvents(OrderPageCase):
    def test_customer_posts_message_and_file(self):
        self.authenticate("portal_a", "portal_a")
        page = self.url_open(self.order_url)
        self.assertEqual(page.status_code, 200)
        self.assertIn('id="order_events"', page.text)

        response = self._post_event(
            "The site is ready", files={"files": ("plan.pdf", b"%PDF-1.4 plan", "application/pdf")}
        )
        self.assertEqual(response.status_code, 303)
        event = self._events()[:1]
        self.assertEqual(event.author_id, self.portal_user_a.partner_id)
        self.assertEqual(event.subtype_id, self.env.ref("customer_portal_events.mt_order_event"))
        self.assertIn("The site is ready", event.body)
        self.assertEqual(event.attachment_ids.mapped("name"), ["plan.pdf"])
        self.assertEqual(event.attachment_ids.res_model, "sale.order")
        self.assertEqual(event.attachment_ids.res_id, self.order_a.id)

        page = self.url_open(self.order_url)
        self.assertIn("The site is ready", page.text)
        download = self.url_open(f"{self.order_url}/events/file/{event.attachment_ids.id}")
        self.assertEqual(download.status_code, 200)
        self.assertTrue(download.headers["Content-Disposition"].startswith("attachment"))
        self.assertEqual(download.content, b"%PDF-1.4 plan")

    def test_staff_reply_and_shared_file_are_on_the_page(self):
        # Staff share a file from the chatter ("Send message"): an HTML file stays a download.
        self.order_a.with_user(self.salesman).message_post(
            body="Here is your invoice",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachments=[("invoice.html", b"<script>alert(1)</script>")],
        )
        self.order_a.with_user(self.salesman).message_post(
            body="Internal: customer pays late", message_type="comment", subtype_xmlid="mail.mt_note"
        )
        self.authenticate("portal_a", "portal_a")
        page = self.url_open(self.order_url)
        self.assertIn("Here is your invoice", page.text)
        self.assertNotIn("customer pays late", page.text, "internal notes are never on the page")
        attachment = self._events().attachment_ids
        download = self.url_open(f"{self.order_url}/events/file/{attachment.id}")
        self.assertEqual(download.status_code, 200)
        self.assertTrue(download.headers["Content-Disposition"].startswith("attachment"))
        self.assertEqual(download.headers["X-Content-Type-Options"], "nosniff")
        # A note's attachment is not an event's file: not served.
        note = self.order_a.with_user(self.salesman).message_post(
            body="note",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            attachments=[("secret.txt", b"x")],
        )
        self.assertEqual(
            self.url_open(f"{self.order_url}/events/file/{note.attachment_ids.id}").status_code, 404
        )

    def test_html_in_messages_is_escaped(self):
        self.authenticate("portal_a", "portal_a")
        self._post_event("<script>alert('x')</script><b>hi</b>")
        page = self.url_open(self.order_url)
        self.assertNotIn("<script>alert('x')</script>", page.text)
        self.assertIn("&lt;script&gt;", page.text)
        self.assertIn("&lt;script&gt;", self._events()[:1].body)

    def test_bad_input_is_refused_and_nothing_is_saved(self):
        self.env["ir.config_parameter"].set_param("customer_portal_base.max_file_mb", "0.001")
        self.env["ir.config_parameter"].set_param("customer_portal_base.allowed_file_types", "pdf,txt")
        self.authenticate("portal_a", "portal_a")
        before = len(self._events())
        attachments_before = self.env["ir.attachment"].search_count([("res_model", "=", "sale.order")])

        empty = self._post_event("   ")
        self.assertEqual(empty.status_code, 400)
        self.assertIn("Write a message or attach a file", empty.text)

        oversize = self._post_event("big", files={"files": ("big.pdf", b"x" * 2000, "application/pdf")})
        self.assertEqual(oversize.status_code, 413)
        self.assertIn("too large", oversize.text)

        forbidden = self._post_event("page", files={"files": ("page.html", b"<html></html>", "text/html")})
        self.assertEqual(forbidden.status_code, 415)
        self.assertIn("not accepted", forbidden.text)

        chat = self.make_jsonrpc_request(f"{self.order_url}/events/chat", {"message": ""})
        self.assertIn("error", chat)

        self.assertEqual(len(self._events()), before, "no event saved half-way")
        self.assertEqual(
            self.env["ir.attachment"].search_count([("res_model", "=", "sale.order")]), attachments_before
        )

    def test_events_are_paged_and_the_page_cost_is_flat(self):
        Message = self.env["mail.message"]
        subtype = self.env.ref("customer_portal_events.mt_order_event")

        def add_events(count):
            Message.create(
                [
                    {
                        "model": "sale.order",
                        "res_id": self.order_a.id,
                        "message_type": "comment",
                        "subtype_id": subtype.id,
                        "author_id": self.portal_user_a.partner_id.id,
                        "body": f"event {i}",
                    }
                    for i in range(count)
                ]
            )

        response = self._assert_order_page_cost_is_flat(
            add_events, 10, 990, "the page costs the same queries with 10 and 1,000 events"
        )
        self.assertEqual(response.text.count('class="o_order_event '), 20, "one page of events")
        self.assertIn("Older events", response.text)
        older = self.url_open(f"{self.order_url}?events_page=50")
        self.assertEqual(older.text.count('class="o_order_event '), 20)
        self.assertIn("Newer events", older.text)

    def test_tour_customer_posts_on_the_order_page(self):
        self.start_tour(self.order_url, "customer_portal_events_order_events", login="portal_a")
        events = self._events()
        self.assertEqual(len(events), 2)
        self.assertEqual(events.attachment_ids.mapped("name"), ["plan.txt"])
        self.assertEqual(
            events.attachment_ids.file_kind_id, self.env.ref("customer_portal_events.file_kind_drawing")
        )
