from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, JsonRpcException, tagged
from odoo.tools import mute_logger

from .common import InterventionsCase, signature_image_b64

UNLOCK = {"signed_document_unlock": True}  # the context key that once unlocked signed documents


class SignedInterventionCase(InterventionsCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.photo = cls.env["ir.attachment"].create(
            {"name": "photo.txt", "raw": b"boiler photo", "res_model": "field.intervention", "res_id": 0}
        )
        cls.intervention = cls._done_intervention()
        cls.photo.res_id = cls.intervention.id
        cls.intervention.attachment_ids = cls.photo
        cls.intervention._sign("Anna Alfa", signature_image_b64(), ip="10.0.0.7")

    def _check(self):
        return self.intervention.action_check_signature()["params"]["type"]


@tagged("post_install", "-at_install")
class TestSignedInterventionSecurity(SignedInterventionCase):
    """A signed intervention report attacked from the ORM by a technician (not a manager)."""

    def test_signature_fields_are_written_only_by_signing(self):
        as_technician = self.intervention.with_user(self.technician)
        forged = {
            "signed_hash": "0" * 64,
            "signed_by": "Someone Else",
            "signer_ip": "1.2.3.4",
            "signed_on": False,
            "signature": signature_image_b64("JPEG"),
            "signed_pdf_id": self.photo.id,
            "is_signed": False,
        }
        for field, value in forged.items():
            for context in ({}, UNLOCK):
                with self.subTest(field=field, context=context), self.assertRaises(AccessError):
                    as_technician.with_context(**context).write({field: value})
        unsigned = self._done_intervention()
        with self.assertRaises(AccessError):
            unsigned.with_user(self.technician).with_context(**UNLOCK).write({"signed_by": "Anna Alfa"})
        start = fields.Datetime.now().replace(microsecond=0)
        with self.assertRaises(AccessError):
            self.env["field.intervention"].with_user(self.technician).create(
                {
                    "partner_id": self.customer_a.id,
                    "date_start": start,
                    "date_end": fields.Datetime.add(start, hours=1),
                    "signed_on": start,
                    "signed_by": "Anna Alfa",
                }
            )
        self.assertEqual(
            (self.intervention.signed_by, self.intervention.signer_ip), ("Anna Alfa", "10.0.0.7")
        )
        self.assertFalse(unsigned.is_signed)
        self.assertEqual(self._check(), "success")

    def test_state_is_set_by_the_actions_only(self):
        """A technician cannot write an intervention signed without a signature (nor any other state),
        nor create one signed; the buttons still work for him."""
        done = self._done_intervention()
        as_technician = done.with_user(self.technician)
        for state in ("signed", "planned", "cancelled"):
            with self.subTest(state=state), self.assertRaises(AccessError):
                as_technician.write({"state": state})
        self.assertEqual(done.state, "done")
        self.assertFalse(done.is_signed)
        start = fields.Datetime.now().replace(microsecond=0)
        values = {
            "partner_id": self.customer_a.id,
            "site_id": self.site_a.id,
            "date_start": start,
            "date_end": start + timedelta(hours=1),
            "user_ids": [fields.Command.set(self.technician.ids)],
        }
        Intervention = self.env["field.intervention"].with_user(self.technician)
        with self.assertRaises(AccessError):
            Intervention.create(dict(values, state="signed"))
        self.assertEqual(Intervention.create(dict(values, state="planned")).state, "planned")
        as_technician.action_cancel()
        as_technician.action_reset_planned()
        as_technician.action_start()
        as_technician.action_done()
        self.assertEqual(done.state, "done")
        done._sign("Anna Alfa", signature_image_b64())
        self.assertEqual(done.state, "signed")

    def test_unlock_context_key_unlocks_nothing(self):
        as_technician = self.intervention.with_user(self.technician).with_context(**UNLOCK)
        with self.assertRaisesRegex(UserError, "is signed"):
            as_technician.write({"report": "<p>Nothing was done.</p>"})
        with self.assertRaisesRegex(UserError, "is signed"):
            as_technician.write({"attachment_ids": [fields.Command.clear()]})
        lines = as_technician.line_ids
        with self.assertRaisesRegex(UserError, "its lines cannot change"):
            lines[0].write({"quantity": 10})
        with self.assertRaisesRegex(UserError, "its lines cannot change"):
            lines[1].unlink()
        with self.assertRaisesRegex(UserError, "its lines cannot change"):
            lines.create({"intervention_id": self.intervention.id, "name": "Extra", "quantity": 1})
        other_line = self._done_intervention().line_ids[0].with_user(self.technician)
        with self.assertRaisesRegex(UserError, "its lines cannot change"):
            other_line.write({"intervention_id": self.intervention.id})
        self.assertEqual(self.intervention.line_ids.mapped("quantity"), [2.0, 1.0])
        self.assertEqual(self.intervention.attachment_ids, self.photo)
        self.assertEqual(self._check(), "success")

    def test_new_revision_only_for_the_manager(self):
        with self.assertRaises(AccessError):
            self.intervention.with_user(self.technician).with_context(**UNLOCK).action_new_revision()
        self.assertTrue(self.intervention.is_signed)
        self.assertEqual(self.intervention.state, "signed")
        self.intervention.with_user(self.manager).action_new_revision()
        self.assertFalse(self.intervention.is_signed)
        self.intervention.with_user(self.technician).line_ids[0].quantity = 3  # editable again

    def test_fingerprint_covers_lines_attachments_and_signature(self):
        line = self.intervention.line_ids[0]
        self.env.cr.execute("UPDATE field_intervention_line SET name = 'Forged' WHERE id = %s", [line.id])
        self.env.invalidate_all()
        self.assertEqual(self._check(), "danger", "a line's description")
        self.env.cr.execute("UPDATE field_intervention_line SET name = 'Labour' WHERE id = %s", [line.id])
        self.env.invalidate_all()
        self.assertEqual(self._check(), "success")
        # The photo is a plain attachment of the intervention: its file can be replaced; the check sees it.
        self.photo.with_user(self.technician).write({"raw": b"another photo"})
        self.assertEqual(self._check(), "danger", "an attached photo")
        self.photo.write({"raw": b"boiler photo"})
        self.assertEqual(self._check(), "success")
        # So does a signature image replaced in its attachment, and the signed PDF is not part of it.
        signature = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "field.intervention"),
                ("res_id", "=", self.intervention.id),
                ("res_field", "=", "signature"),
            ]
        )
        self.assertEqual(len(signature), 1)
        self.assertNotIn(self.intervention.signed_pdf_id, self.intervention.attachment_ids)
        signature.sudo().write({"raw": signature.raw + b"\0"})
        self.env.invalidate_all()
        self.assertEqual(self._check(), "danger", "the signature image")


@tagged("post_install", "-at_install")
class TestSignedInterventionOverJsonRpc(HttpCase, SignedInterventionCase):
    """The same attacks through the web client's JSON-RPC, the context key set by the client."""

    def _refused(self, model, method, args):
        with self.assertRaises(JsonRpcException) as caught:
            self.make_jsonrpc_request(
                "/web/dataset/call_kw",
                {"model": model, "method": method, "args": args, "kwargs": {"context": UNLOCK}},
            )
        return caught.exception.args[0]

    @mute_logger("odoo.http")
    def test_technician_over_json_rpc(self):
        self.authenticate("technician", "technician")
        ids = self.intervention.ids
        cases = [
            ("field.intervention", "write", [ids, {"report": "<p>forged</p>"}], "UserError"),
            ("field.intervention", "write", [ids, {"signed_hash": "0" * 64}], "AccessError"),
            ("field.intervention", "write", [ids, {"signed_on": False, "signed_by": False}], "AccessError"),
            (
                "field.intervention.line",
                "write",
                [self.intervention.line_ids.ids, {"quantity": 0}],
                "UserError",
            ),
            ("field.intervention.line", "unlink", [self.intervention.line_ids.ids], "UserError"),
            ("field.intervention", "action_new_revision", [ids], "AccessError"),
            (
                "field.intervention",
                "_sign",
                [self._done_intervention().ids, "Anna", signature_image_b64()],
                "AccessError",
            ),
        ]
        for model, method, args, error in cases:
            with self.subTest(model=model, method=method, args=str(args)[:60]):
                self.assertEqual(self._refused(model, method, args), f"odoo.exceptions.{error}")
        self.assertEqual(self.intervention.state, "signed")
        self.assertEqual(self.intervention.line_ids.mapped("quantity"), [2.0, 1.0])
        self.assertEqual(self._check(), "success")

    @mute_logger("odoo.http")
    def test_technician_cannot_write_the_state_over_json_rpc(self):
        done = self._done_intervention()
        self.authenticate("technician", "technician")
        self.assertEqual(
            self._refused("field.intervention", "write", [done.ids, {"state": "signed"}]),
            "odoo.exceptions.AccessError",
        )
        start = fields.Datetime.to_string(fields.Datetime.now())
        values = {
            "partner_id": self.customer_a.id,
            "site_id": self.site_a.id,
            "date_start": start,
            "date_end": start,
            "state": "signed",
        }
        self.assertEqual(
            self._refused("field.intervention", "create", [values]), "odoo.exceptions.AccessError"
        )
        self.assertEqual(done.state, "done")
        self.assertFalse(done.is_signed)
