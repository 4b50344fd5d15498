import base64
import binascii
import hashlib
import json
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.image import base64_to_image

SIGNATURE_MAX_BYTES = 512 * 1024
# The fields that record a signature: written only by the signing and revision code of this mixin.
SIGNATURE_FIELDS = frozenset(
    {"signature", "signed_by", "signed_on", "signer_ip", "signed_hash", "signed_pdf_id", "is_signed"}
)
# Set only while that code writes them. A Python-level flag, out of the client's reach: a context key
# is not (call_kw passes the client's context through).
_SIGNATURE_WRITE = ContextVar("signed_document_signature_write", default=False)


@contextmanager
def _signature_write():
    """Let the code inside write the signature fields: the signing code of the mixin, and a model's own
    signing code for another channel (a paper signature recorded by staff), through `signature_write`."""
    token = _SIGNATURE_WRITE.set(True)
    try:
        yield
    finally:
        _SIGNATURE_WRITE.reset(token)


# The public name, for a model's own signing code (never for a client-reachable path without its checks).
signature_write = _signature_write


# Set only while a model's own workflow methods (actions, crons, signing hooks) write its
# `_workflow_fields`: a Python-level flag, like the one above, that no client context reaches.
_WORKFLOW_WRITE = ContextVar("signed_document_workflow_write", default=False)


@contextmanager
def workflow_write():
    """Let the code inside write the workflow fields (the state) of the documents."""
    token = _WORKFLOW_WRITE.set(True)
    try:
        yield
    finally:
        _WORKFLOW_WRITE.reset(token)


class SignedDocumentMixin(models.AbstractModel):
    """A document the customer signs in the portal (intervention report, contract, acceptance report).

    Signing stores the signature, the signer's name, time and IP and a SHA-256 of the document's content
    as signed, locks that content, renders the signed PDF, attaches it and posts it in the chatter.
    What varies per model is given by class attributes and small hooks.

    The signature fields are written only by `_sign`, `_attach_signed_pdf` and `action_new_revision`, or by
    a model's own signing code for another channel inside `signature_write()` (a paper signature);
    `create`/`write` refuse them otherwise, whoever asks.
    """

    _name = "signed.document.mixin"
    _description = "Document signed by the customer"

    # Fields whose content is signed: hashed at signature time, read-only afterwards. Relational fields to
    # ir.attachment (the documents attached to the signed document) are hashed by their files' content.
    _signed_fields = ()
    # One2many fields whose lines are signed, with the line fields hashed (business values, not ids), e.g.
    # {"line_ids": ("product_id", "quantity")}. Locked like `_signed_fields`; the line model inherits
    # signed.document.line.mixin, which refuses creating, changing and deleting lines of a signed document.
    _signed_line_fields = {}
    # XML id of the QWeb report rendered as the signed PDF.
    _signed_report = None
    # XML id of the group that may start a new revision of a signed document (and so drop its signature).
    _signed_manager_group = None
    # Workflow fields (the state and the like): set only by the model's own methods, inside
    # `workflow_write()`, or by superuser code; `create` takes only their defaults, `write` refuses them.
    # Otherwise a user who may write the document could mark it signed without a signature.
    _workflow_fields = ()
    # Fields of the model that record a signature besides the mixin's (how it was signed, a scan): like
    # them, written only inside `signature_write()` and cleared by `action_new_revision`.
    _signature_extra_fields = ()

    signature = fields.Image(copy=False, attachment=True, max_width=1024, max_height=1024, readonly=True)
    signed_by = fields.Char(string="Signed by", copy=False, readonly=True, tracking=True)
    signed_on = fields.Datetime(string="Signed on", copy=False, readonly=True, tracking=True)
    signer_ip = fields.Char(string="Signer IP address", copy=False, readonly=True)
    signed_hash = fields.Char(
        string="SHA-256 of the signed content",
        copy=False,
        readonly=True,
        help="Fingerprint of the document as signed; 'Check signature' recomputes it.",
    )
    signed_pdf_id = fields.Many2one("ir.attachment", string="Signed PDF", copy=False, readonly=True)
    is_signed = fields.Boolean(compute="_compute_is_signed", store=True, string="Signed")

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    @api.depends("signed_on")
    def _compute_is_signed(self):
        for record in self:
            record.is_signed = bool(record.signed_on)

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        protected = self._signature_field_names()
        forged = any(vals.get(name) for vals in vals_list for name in protected)
        if forged and not _SIGNATURE_WRITE.get():
            raise AccessError(self.env._("The signature details of a document are set only by signing it."))
        self._check_workflow_fields(vals_list, create=True)
        return super().create(vals_list)

    def write(self, vals):
        if not _SIGNATURE_WRITE.get() and self._signature_field_names() & set(vals):
            raise AccessError(self.env._("The signature details of a document are set only by signing it."))
        self._check_workflow_fields([vals])
        locked = set(vals) & (set(self._signed_fields) | set(self._signed_line_fields))
        if locked:
            signed = self.filtered("is_signed")
            if signed:
                raise UserError(
                    self.env._(
                        "%(document)s is signed: its content cannot change any more. "
                        "Start a new revision to change it; it will need a new signature.",
                        document=signed[0].display_name,
                    )
                )
        return super().write(vals)

    @api.model
    def _signature_field_names(self):
        return SIGNATURE_FIELDS | set(self._signature_extra_fields)

    def _check_workflow_fields(self, vals_list, create=False):
        """Refuse the workflow fields in `vals_list` unless the model's own code or the superuser writes
        them; a new document may be given their default values only."""
        if self.env.su or _WORKFLOW_WRITE.get():
            return
        for vals in vals_list:
            for name in self._workflow_fields:
                if name not in vals:
                    continue
                field = self._fields[name]
                if create and (vals[name] or False) == ((field.default and field.default(self)) or False):
                    continue
                raise AccessError(
                    self.env._(
                        "%(field)s is set by the document's own actions only, not written directly.",
                        field=field._description_string(self.env),
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        if self.filtered("is_signed"):
            raise UserError(self.env._("A signed document cannot be deleted."))

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_check_signature(self):
        """Recompute the fingerprint of the content and say whether it still matches the signed one."""
        self.ensure_one()
        if not self.is_signed:
            raise UserError(self.env._("This document is not signed yet."))
        ok = self._signed_content_hash() == self.signed_hash
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if ok else "danger",
                "message": self.env._("The content matches the signed document.")
                if ok
                else self.env._("The content differs from the signed document!"),
            },
        }

    def action_new_revision(self):
        """Unlock a signed document for a new revision; the old signed PDF stays in the chatter."""
        group = self._signed_manager_group
        if not self.env.su and not (group and self.env.user.has_group(group)):
            raise AccessError(self.env._("Only a manager can start a new revision of a signed document."))
        signed = self.filtered("is_signed")
        for record in signed:
            record.message_post(
                body=self.env._(
                    "New revision started; the previous signature (%(name)s) no longer applies.",
                    name=record.signed_by,
                )
            )
        with _signature_write():
            signed.write(
                {
                    "signature": False,
                    "signed_by": False,
                    "signed_on": False,
                    "signer_ip": False,
                    "signed_hash": False,
                    "signed_pdf_id": False,
                }
                | dict.fromkeys(self._signature_extra_fields, False)
            )
        return True

    # ------------------------------------------------------------
    # SIGNING
    # ------------------------------------------------------------

    def _sign(self, name, signature, ip=None):
        """Sign the document as `name` with `signature` (a base64 PNG/JPEG, as the portal widget sends).

        Private: a public method could be called over RPC by any user who can write the record, with
        any name and IP. The portal route and the on-site wizard call it after their own checks.
        Raises UserError/ValidationError on bad input; nothing is written then.
        """
        self.ensure_one()
        name = (name or "").strip()
        if not name:
            raise ValidationError(self.env._("Please enter the signer's name."))
        self._check_signature_payload(signature)
        if self.is_signed:
            raise UserError(self.env._("This document has already been signed."))
        self._check_can_be_signed()
        vals = {
            "signature": signature,
            "signed_by": name,
            "signed_on": fields.Datetime.now(),
            "signer_ip": ip,
        }
        if "access_token" in self._fields:
            # A new token: the link of the signature request works once.
            vals["access_token"] = str(uuid.uuid4())
        with _signature_write():
            self.write(vals)
            # Hashed once stored: the fingerprint covers the signature image as saved (resized).
            self.write({"signed_hash": self._signed_content_hash()})
        self._attach_signed_pdf()
        self._on_signed()
        return True

    def _portal_sign(self, name, signature, ip=None):
        """`sign` for the portal signature widget's JSON route: an error message instead of an exception."""
        try:
            with self.env.cr.savepoint():
                self._sign(name, signature, ip=ip)
        except (UserError, ValidationError) as error:
            return {"error": error.args[0]}
        return {"force_refresh": True, "redirect_url": self.get_portal_url(query_string="&message=sign_ok")}

    def _portal_signer_default_name(self):
        """The name the signature modal proposes: the signed-in contact's, else the document's customer's."""
        self.ensure_one()
        user = self.env.user
        return self.partner_id.name if user._is_public() else user.partner_id.name

    # ------------------------------------------------------------
    # HELPERS
    # ------------------------------------------------------------

    @api.model
    def _check_signature_payload(self, signature):
        if not signature:
            raise ValidationError(self.env._("The signature is empty."))
        try:
            size = len(base64.b64decode(signature, validate=True))
        except (binascii.Error, TypeError, ValueError):
            raise ValidationError(self.env._("The signature is not a valid image."))
        if size > SIGNATURE_MAX_BYTES:
            raise ValidationError(self.env._("The signature image is too large."))
        try:
            image = base64_to_image(signature)
        except UserError:
            raise ValidationError(self.env._("The signature is not a valid image."))
        if image.format not in ("PNG", "JPEG"):
            raise ValidationError(self.env._("The signature must be a PNG or JPEG image."))

    def _check_can_be_signed(self):
        """Hook: raise a UserError when the record's state does not allow signing."""
        return

    def _check_signed_lines_editable(self):
        """Raise when one of these documents is signed: its lines are signed content."""
        signed = self.filtered("is_signed")
        if signed:
            raise UserError(
                self.env._(
                    "%(document)s is signed: its lines cannot change any more. "
                    "Start a new revision to change them; it will need a new signature.",
                    document=signed[0].display_name,
                )
            )

    def _signed_content(self):
        """The content that is signed, as a canonical dict: the `_signed_fields` values, the lines' values
        (`_signed_line_fields`), the attached documents' files and the signature (image, signer, time, IP)."""
        self.ensure_one()
        # Superuser and a context of our own: the same fingerprint whoever checks it, from wherever (record
        # rules may hide lines, `bin_size` would give sizes instead of files, an archived tax still counts).
        record = self.with_env(self.env(su=True, context={"active_test": False}))
        content = {
            name: self._signed_value(record, name)
            for name in sorted(set(self._signed_fields) - set(self._signed_line_fields))
        }
        for name, line_fields in sorted(self._signed_line_fields.items()):
            content[name] = [
                [self._signed_value(line, line_field) for line_field in line_fields] for line in record[name]
            ]
        content["__signature__"] = {
            "image": hashlib.sha256(base64.b64decode(record.signature or b"")).hexdigest(),
            "by": record.signed_by,
            "on": record.signed_on and fields.Datetime.to_string(record.signed_on),
            "ip": record.signer_ip,
        }
        return content

    @api.model
    def _signed_value(self, record, name):
        """The canonical value of `record`'s field `name` in the fingerprint."""
        field = record._fields[name]
        value = record[name]
        if field.type in ("many2one", "many2many", "one2many"):
            if field.comodel_name == "ir.attachment":
                # The documents themselves, not which records hold them: a replaced file shows.
                return sorted([att.name, hashlib.sha256(att.raw or b"").hexdigest()] for att in value)
            return sorted(value.ids)
        if field.type in ("date", "datetime"):
            return value and fields.Datetime.to_string(value)
        if field.type in ("html", "monetary", "float"):
            return str(value or "")
        return value

    def _signed_content_hash(self):
        payload = json.dumps(self._signed_content(), sort_keys=True, default=str).encode()
        return hashlib.sha256(payload).hexdigest()

    def _signed_pdf_name(self):
        return self.env._("%(name)s - signed.pdf", name=self.display_name)

    def _attach_signed_pdf(self):
        self.ensure_one()
        if not self._signed_report:
            return
        self.env.flush_all()  # the report reads the signature from the database
        pdf, _type = self.env["ir.actions.report"].sudo()._render_qweb_pdf(self._signed_report, self.ids)
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": self._signed_pdf_name(),
                    "raw": pdf,
                    "mimetype": "application/pdf",
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        with _signature_write():
            self.write({"signed_pdf_id": attachment.id})
        self.message_post(
            body=self.env._("Signed by %(name)s.", name=self.signed_by),
            attachment_ids=attachment.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        return attachment

    def _on_signed(self):
        """Hook after a signature: state changes, notifications, copies to the customer's contacts."""
        return
