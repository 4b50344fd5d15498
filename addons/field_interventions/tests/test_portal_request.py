import base64

from odoo.addons.customer_portal_base.tests.common import JPEG
from odoo.http import Request
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import InterventionsCase

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestPortalRequest(HttpCase, InterventionsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dispatcher = cls._new_staff_user(
            "dispatcher", "field_interventions.group_field_intervention_user", "Dora Dispatcher"
        )
        cls.env.company.field_dispatcher_id = cls.dispatcher
        cls.customer_a.company_id = cls.env.company

    def _requests(self, customer=None):
        return self.env["field.intervention"].search(
            [("partner_id", "=", (customer or self.customer_a).id), ("portal_request", "=", True)]
        )

    def _post(self, files=None, csrf=True, **values):
        data = {"description": "The boiler is leaking water", "urgency": "urgent", **values}
        if csrf:
            data["csrf_token"] = Request.csrf_token(self)
        return self.url_open("/my/interventions/request", data=data, files=files, allow_redirects=False)

    def test_request_lands_to_plan_with_activity(self):
        self.authenticate("portal_a", "portal_a")
        form = self.url_open("/my/interventions/request")
        self.assertEqual(form.status_code, 200)
        self.assertIn(self.site_a.name, form.text)
        self.assertIn(self.plant_a.name, form.text)
        self.assertNotIn(self.site_b.name, form.text)
        self.assertNotIn(self.plant_b.name, form.text)
        self.assertIn("/my/interventions/request", self.url_open("/my/interventions").text)
        response = self._post(
            files=[("files", ("leak.png", PNG, "image/png")), ("files", ("meter.jpg", JPEG, "image/jpeg"))],
            site_id=str(self.site_a.id),
            plant_id=str(self.plant_a.id),
        )
        self.assertEqual(response.status_code, 303, response.text[:500])
        request = self._requests()
        self.assertEqual(len(request), 1)
        self.assertIn(f"/my/interventions/{request.id}", response.headers["Location"])
        self.assertEqual(request.state, "draft")
        self.assertEqual((request.site_id, request.plant_ids), (self.site_a, self.plant_a))
        self.assertEqual(request.contact_id, self.contact_a)
        self.assertEqual(request.urgency, "urgent")
        self.assertEqual(request.request_description, "The boiler is leaking water")
        self.assertFalse(request.user_ids)
        photos = self.env["ir.attachment"].search(
            [("res_model", "=", "field.intervention"), ("res_id", "=", request.id)]
        )
        self.assertEqual(sorted(photos.mapped("name")), ["leak.png", "meter.jpg"])
        self.assertEqual(request.activity_ids.user_id, self.dispatcher)
        page = self.url_open(response.headers["Location"])
        self.assertEqual(page.status_code, 200)
        self.assertIn("your request is sent", page.text)
        listing = self.url_open("/my/interventions")
        self.assertIn(request.name, listing.text)
        self.assertIn("To plan", listing.text)
        # The dispatcher plans it: the usual life of an intervention.
        request.with_user(self.dispatcher).action_plan()
        self.assertEqual(request.state, "planned")

    def test_plant_alone_gives_its_site_and_salesperson_fallback(self):
        self.env.company.field_dispatcher_id = False
        self.customer_a.user_id = self.manager
        self.authenticate("portal_a", "portal_a")
        self.assertEqual(self._post(plant_id=str(self.plant_a.id), urgency="low").status_code, 303)
        request = self._requests()
        self.assertEqual(request.site_id, self.site_a)
        self.assertEqual(request.activity_ids.user_id, self.manager)

    def test_state_and_technician_not_settable(self):
        self.authenticate("portal_a", "portal_a")
        response = self._post(
            state="done",
            user_ids=str(self.technician.id),
            kind="installation",
            partner_id=str(self.customer_b.id),
            portal_request="0",
            date_start="2020-01-01 08:00:00",
        )
        self.assertEqual(response.status_code, 303)
        request = self._requests()
        self.assertEqual(len(request), 1)
        self.assertEqual(request.state, "draft")
        self.assertFalse(request.user_ids)
        self.assertEqual(request.kind, "repair")
        self.assertEqual(request.partner_id, self.customer_a)
        self.assertGreater(request.date_start.year, 2020)
        self.assertFalse(self._requests(self.customer_b))

    def test_other_customer_site_or_plant_refused(self):
        self.authenticate("portal_a", "portal_a")
        for values in (
            {"site_id": str(self.site_b.id)},
            {"plant_id": str(self.plant_b.id)},
            {"site_id": str(self.customer_b.id)},  # the other customer itself, not a site
            {"site_id": "not-a-number"},
            {"site_id": str(self.site_a.id), "plant_id": str(self.plant_b.id)},
            {"description": "   "},
            {"urgency": "yesterday"},
        ):
            with self.subTest(values=values):
                response = self._post(**values)
                self.assertEqual(response.status_code, 400)
                self.assertIn("o_intervention_request_error", response.text)
                self.assertNotIn(self.site_b.name, response.text)
        self.assertFalse(self._requests())
        self.assertFalse(self._requests(self.customer_b))

    def test_bad_file_refused(self):
        self.authenticate("portal_a", "portal_a")
        response = self._post(
            files=[("files", ("photo.png", b"<html><script></script></html>", "image/png"))]
        )
        self.assertEqual(response.status_code, 415)
        self.assertFalse(self._requests())

    @mute_logger("odoo.http")
    def test_without_reserved_area_refused(self):
        self.authenticate("portal_a2", "portal_a2")
        self.assertEqual(self.url_open("/my/interventions/request").status_code, 403)
        self.assertEqual(self._post().status_code, 403)
        self.assertNotIn("/my/interventions/request", self.url_open("/my/interventions").text)
        self.assertFalse(self._requests())

    def test_public_redirected_to_login(self):
        response = self.url_open("/my/interventions/request", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
        self.assertFalse(self._requests())

    @mute_logger("odoo.http")
    def test_csrf_enforced(self):
        self.authenticate("portal_a", "portal_a")
        response = self._post(csrf=False)
        self.assertEqual(response.status_code, 400)
        response = self._post(csrf=False, csrf_token="forged")
        self.assertEqual(response.status_code, 400)
        self.assertFalse(self._requests())

    def test_rate_limited(self):
        self.authenticate("portal_a", "portal_a")
        for _i in range(10):
            self.assertEqual(self._post().status_code, 303)
        self.assertEqual(self._post().status_code, 429)
        self.assertEqual(len(self._requests()), 10)
