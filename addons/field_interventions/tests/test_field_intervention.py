import base64

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import InterventionsCase, signature_image_b64


@tagged("post_install", "-at_install")
class TestFieldIntervention(InterventionsCase):
    # ------------------------------------------------------------
    # Sites, plants, dates
    # ------------------------------------------------------------

    def test_site_must_belong_to_customer(self):
        with self.assertRaisesRegex(ValidationError, "is not a site of"):
            self._intervention(customer=self.customer_a, site=self.site_b)
        # A plain contact of the customer is not a site either.
        with self.assertRaisesRegex(ValidationError, "is not a site of"):
            self._intervention(customer=self.customer_a, site=self.contact_a)
        intervention = self._intervention()
        with self.assertRaises(ValidationError):
            intervention.site_id = self.site_b
        self.assertEqual(intervention.site_id, self.site_a)

    def test_plants_of_the_site_only(self):
        with self.assertRaisesRegex(ValidationError, "not installed at the site"):
            self._intervention(plant_ids=[fields.Command.set(self.plant_b.ids)])
        intervention = self._intervention(plant_ids=[fields.Command.set(self.plant_a.ids)])
        self.assertEqual(self.plant_a.intervention_ids, intervention)
        self.assertEqual(self.plant_a.intervention_count, 1)
        with self.assertRaises(ValidationError):
            self.env["field.plant"].create(
                {"name": "X", "partner_id": self.customer_a.id, "site_id": self.site_b.id}
            )
        with self.assertRaisesRegex(ValidationError, "serial number"):
            self.env["field.plant"].create(
                {
                    "name": "Twin",
                    "partner_id": self.customer_b.id,
                    "brand": "Vaillant",
                    "serial_number": "VA-001",
                }
            )

    def test_contact_of_the_customer_only(self):
        with self.assertRaisesRegex(ValidationError, "is not a contact of"):
            self._intervention(contact_id=self.contact_b.id)
        self.assertEqual(self._intervention(contact_id=self.contact_a.id).contact_id, self.contact_a)

    def test_customer_card_tab(self):
        intervention = self._done_intervention(plant_ids=[fields.Command.set(self.plant_a.ids)])
        check = self.env["field.check"].create({"name": "Fire check", "partner_id": self.customer_a.id})
        card = Form(self.customer_a)
        self.assertEqual(len(card.field_intervention_ids), 1)
        self.assertEqual(len(card.field_plant_ids), 1)
        self.assertEqual(len(card.field_check_ids), 1)
        self.assertEqual(self.customer_a.field_check_ids, check)
        self.assertEqual(self.site_a.field_site_plant_ids, self.plant_a)
        # Quick actions of the tab.
        self.assertEqual(intervention.action_open_form()["res_id"], intervention.id)
        self.env.company.external_report_layout_id = self.env.ref("web.external_layout_standard")
        report = intervention.action_print_report()
        self.assertEqual(report["report_name"], "field_interventions.report_field_intervention")
        html = self.env["ir.actions.report"]._render_qweb_html(
            "field_interventions.action_report_field_intervention", intervention.ids
        )[0]
        self.assertIn(b"Boiler cleaned", html)
        self.assertIn(b"VA-001", html)
        history = self.plant_a.action_view_interventions()
        self.assertEqual(self.env["field.intervention"].search(history["domain"]), intervention)

    def test_check_of_customer_plant_only(self):
        Check = self.env["field.check"]
        check = Check.create(
            {"name": "Yearly check", "partner_id": self.customer_a.id, "plant_id": self.plant_a.id}
        )
        self.assertIn(check, self.customer_a.field_check_ids)
        with self.assertRaisesRegex(ValidationError, "is not a plant of"):
            Check.create({"name": "Wrong", "partner_id": self.customer_a.id, "plant_id": self.plant_b.id})

    def test_plants_elsewhere(self):
        """One rule for plants on checks and interventions: the record's customer's, and at its site if
        it has one."""
        other_site = self.env["res.partner"].create(
            {"name": "Alfa depot", "parent_id": self.customer_a.id, "type": "other"}
        )
        plant_elsewhere = self.env["field.plant"].create(
            {"name": "Heat pump", "partner_id": self.customer_a.id, "site_id": other_site.id}
        )
        plants = self.plant_a | self.plant_b | plant_elsewhere
        check = self.env["field.check"].new({"partner_id": self.customer_a.id})
        self.assertEqual(check._elsewhere(plants), self.plant_b, "no site: any site of the customer")
        check.site_id = self.site_a
        self.assertEqual(check._elsewhere(plants), self.plant_b | plant_elsewhere)
        with self.assertRaisesRegex(ValidationError, "is not a plant of"):
            self.env["field.check"].create(
                {
                    "name": "Wrong site",
                    "partner_id": self.customer_a.id,
                    "site_id": self.site_a.id,
                    "plant_id": plant_elsewhere.id,
                }
            )

    def test_end_after_start(self):
        intervention = self._intervention()
        with self.assertRaisesRegex(ValidationError, "end must be after the planned start"):
            intervention.date_end = intervention.date_start
        with self.assertRaises(ValidationError):
            self._intervention(date_end=fields.Datetime.now())

    def test_form_and_sequence(self):
        form = Form(self.env["field.intervention"].with_user(self.technician))
        form.partner_id = self.customer_a
        form.site_id = self.site_a
        form.date_start = fields.Datetime.now()
        form.date_end = fields.Datetime.add(fields.Datetime.now(), hours=1)
        intervention = form.save()
        self.assertTrue(intervention.name.startswith("INT/"))
        self.assertEqual(intervention.state, "planned")
        self.assertEqual(intervention.access_url, f"/my/interventions/{intervention.id}")
        self.assertEqual(self.customer_a.field_intervention_count, 1)

    # ------------------------------------------------------------
    # State machine
    # ------------------------------------------------------------

    def test_state_machine(self):
        intervention = self._intervention()
        with self.assertRaisesRegex(UserError, "cannot become"):
            intervention.action_done()
        with self.assertRaisesRegex(UserError, "once the work is done"):
            intervention._sign("Anna", signature_image_b64())
        intervention.action_start()
        self.assertEqual(intervention.state, "in_progress")
        with self.assertRaises(UserError):
            intervention.action_start()
        intervention.action_done()
        self.assertEqual(intervention.state, "done")
        intervention.action_cancel()
        self.assertEqual(intervention.state, "cancelled")
        with self.assertRaises(UserError):
            intervention.action_start()
        intervention.action_reset_planned()
        self.assertEqual(intervention.state, "planned")

    # ------------------------------------------------------------
    # Signature: the shared mixin and this model's hooks
    # ------------------------------------------------------------

    def test_sign_locks_and_sends_copies(self):
        self.contact_a.intervention_sheet_copy = True
        self.contact_a2.intervention_sheet_copy = True  # no reserved area: no copy
        intervention = self._done_intervention()
        old_token = intervention._portal_ensure_token()
        intervention._sign("Anna Alfa", signature_image_b64(), ip="10.0.0.7")
        self.assertEqual(intervention.state, "signed")
        self.assertTrue(intervention.is_signed)
        self.assertEqual(intervention.signed_by, "Anna Alfa")
        self.assertEqual(intervention.signer_ip, "10.0.0.7")
        self.assertEqual(len(intervention.signed_hash), 64)
        self.assertEqual(intervention.signed_pdf_id.mimetype, "application/pdf")
        self.assertNotEqual(intervention.access_token, old_token, "the signature link works once")
        copy = intervention.message_ids.filtered(lambda m: self.contact_a in m.partner_ids)
        self.assertEqual(len(copy), 1)
        self.assertIn("has been signed", str(copy.body))
        self.assertIn(intervention.signed_pdf_id, copy.attachment_ids)
        self.assertFalse(intervention.message_ids.filtered(lambda m: self.contact_a2 in m.partner_ids))
        # Locked: the signed content, the lines, the record itself.
        with self.assertRaisesRegex(UserError, "is signed"):
            intervention.report = "<p>changed</p>"
        with self.assertRaisesRegex(UserError, "is signed"):
            intervention.date_start = fields.Datetime.now()
        with self.assertRaisesRegex(UserError, "its lines cannot change"):
            intervention.line_ids[0].quantity = 10
        with self.assertRaisesRegex(UserError, "its lines cannot change"):
            intervention.line_ids[0].unlink()
        with self.assertRaisesRegex(UserError, "its lines cannot change"):
            self.env["field.intervention.line"].create(
                {"intervention_id": intervention.id, "name": "Extra", "quantity": 1}
            )
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            intervention.unlink()
        self.assertEqual(intervention.line_ids.mapped("quantity"), [2.0, 1.0])

    def test_hash_check(self):
        intervention = self._done_intervention()
        intervention._sign("Anna Alfa", signature_image_b64())
        ok = intervention.action_check_signature()
        self.assertEqual(ok["params"]["type"], "success")
        # Content changed behind the ORM's back (e.g. in the database): the check says so.
        self.env.cr.execute(
            "UPDATE field_intervention_line SET quantity = 99 WHERE id = %s", [intervention.line_ids[0].id]
        )
        intervention.line_ids.invalidate_recordset()
        self.assertEqual(intervention.action_check_signature()["params"]["type"], "danger")
        self.env.cr.execute(
            "UPDATE field_intervention_line SET quantity = 2 WHERE id = %s", [intervention.line_ids[0].id]
        )
        self.env.cr.execute(
            "UPDATE field_intervention SET report = '<p>forged</p>' WHERE id = %s", [intervention.id]
        )
        self.env.invalidate_all()
        self.assertEqual(intervention.action_check_signature()["params"]["type"], "danger")

    def test_sign_bad_input_saves_nothing(self):
        intervention = self._done_intervention()
        oversize = base64.b64encode(b"\x89PNG" + b"0" * (600 * 1024)).decode()
        not_image = base64.b64encode(b"hello, I am no picture").decode()
        cases = [
            ("Anna", "", "signature is empty"),
            ("Anna", False, "signature is empty"),
            ("Anna", oversize, "too large"),
            ("Anna", not_image, "not a valid image"),
            ("Anna", "%%%not-base64%%%", "not a valid image"),
            ("Anna", signature_image_b64("GIF"), "PNG or JPEG"),
            ("", signature_image_b64(), "signer's name"),
            ("   ", signature_image_b64(), "signer's name"),
        ]
        for name, signature, message in cases:
            with self.subTest(message=message), self.assertRaisesRegex(ValidationError, message):
                intervention._sign(name, signature)
            self.assertFalse(intervention.is_signed)
            self.assertFalse(intervention.signature)
            self.assertEqual(intervention.state, "done")
        # The portal wrapper answers with the message instead of raising.
        self.assertEqual(intervention._portal_sign("Anna", "")["error"], "The signature is empty.")
        self.assertFalse(intervention.is_signed)
        # JPEG is fine.
        intervention._sign("Anna", signature_image_b64("JPEG"))
        self.assertTrue(intervention.is_signed)

    def test_sign_twice(self):
        intervention = self._done_intervention()
        intervention._sign("Anna", signature_image_b64())
        signed_on, pdf = intervention.signed_on, intervention.signed_pdf_id
        with self.assertRaisesRegex(UserError, "already been signed"):
            intervention._sign("Someone else", signature_image_b64())
        self.assertEqual(
            intervention._portal_sign("Someone else", signature_image_b64())["error"],
            "This document has already been signed.",
        )
        self.assertEqual((intervention.signed_by, intervention.signed_on), ("Anna", signed_on))
        self.assertEqual(intervention.signed_pdf_id, pdf)

    def test_new_revision_needs_new_signature(self):
        intervention = self._done_intervention()
        intervention._sign("Anna", signature_image_b64())
        intervention.with_user(self.manager).action_new_revision()
        self.assertEqual(intervention.state, "done")
        self.assertFalse(intervention.is_signed)
        intervention.report = "<p>Revised report</p>"
        intervention._sign("Anna", signature_image_b64())
        self.assertEqual(intervention.state, "signed")

    def test_sign_on_the_spot_wizard(self):
        intervention = self._done_intervention()
        action = intervention.with_user(self.technician).action_sign_on_site()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.technician)
            .with_context(**action["context"])
            .create({"signature": signature_image_b64()})
        )
        self.assertEqual(wizard.signer_name, self.customer_a.name)
        wizard.action_sign()
        self.assertEqual(intervention.state, "signed")
        self.assertEqual(intervention.signed_by, self.customer_a.name)

    def test_ask_for_signature(self):
        intervention = self._intervention(contact_id=self.contact_a.id)
        with self.assertRaisesRegex(UserError, "once the work is done"):
            intervention.action_ask_signature()
        intervention.action_start()
        intervention.action_done()
        intervention.with_user(self.technician).action_ask_signature()
        message = intervention.message_ids.filtered(lambda m: self.contact_a in m.partner_ids)
        self.assertEqual(len(message), 1)
        self.assertIn(
            f"/my/interventions/{intervention.id}?access_token={intervention.access_token}", str(message.body)
        )

    def test_delete_only_while_not_signed(self):
        intervention = self._done_intervention()
        with self.assertRaises(AccessError):
            intervention.with_user(self.technician).action_delete()  # technicians do not delete
        intervention._sign("Anna", signature_image_b64())
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            intervention.with_user(self.manager).action_delete()
        other = self._intervention()
        other.with_user(self.manager).action_delete()
        self.assertFalse(other.exists())

    def test_ics(self):
        intervention = self._intervention()
        ics = intervention._ics_content()
        self.assertIn("BEGIN:VEVENT", ics)
        self.assertIn(f"DTSTART:{intervention.date_start.strftime('%Y%m%dT%H%M%SZ')}", ics)
        self.assertIn("Milano", ics)
