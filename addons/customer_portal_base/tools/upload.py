"""The one check of the files customers upload from the portal: how many, how large, of which type.

Used by every portal route of the suite that takes files. The type is judged on the content (Odoo's
guess_mimetype), not on the name or on what the browser says: a renamed HTML page or program is refused.
Settings (System Parameters, also in Settings > General Settings > Contacts):
``customer_portal_base.max_file_mb`` and ``customer_portal_base.allowed_file_types``.
"""

import os
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tools.mimetypes import guess_mimetype

DEFAULT_MAX_FILE_MB = 10
DEFAULT_ALLOWED_TYPES = "pdf,png,jpg,jpeg,gif,txt,csv,doc,docx,xls,xlsx,odt,ods,zip"
# Files in one upload (one form sent) and per document in an hour.
MAX_FILES_PER_UPLOAD = 10
MAX_FILES_PER_HOUR = 50

_ZIP = {"application/zip", "application/x-zip-compressed"}
_OOXML = "application/vnd.openxmlformats-officedocument."
_OPENDOCUMENT = "application/vnd.oasis.opendocument."
_OLE = {"application/msword", "application/vnd.ms-excel", "application/vnd.ms-office"}
# Text formats a browser could run: never accepted as "text".
_ACTIVE_TEXT = {"text/html", "text/xml", "application/xml", "image/svg+xml", "text/javascript"}

# Extensions whose content can be checked, with the content types a genuine file of each may have.
CONTENT_TYPES = {
    "pdf": {"application/pdf"},
    "png": {"image/png"},
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
    "gif": {"image/gif"},
    "webp": {"image/webp"},
    "doc": _OLE,
    "xls": _OLE,
    "docx": {_OOXML + "wordprocessingml.document"} | _ZIP,
    "xlsx": {_OOXML + "spreadsheetml.sheet"} | _ZIP,
    "pptx": {_OOXML + "presentationml.presentation"} | _ZIP,
    "odt": {_OPENDOCUMENT + "text"} | _ZIP,
    "ods": {_OPENDOCUMENT + "spreadsheet"} | _ZIP,
    "zip": _ZIP | {_OOXML + kind for kind in ("wordprocessingml.document", "spreadsheetml.sheet")},
    "txt": "text",
    "csv": "text",
}


class UploadRefused(ValidationError):
    """A file the customer sent cannot be accepted; `http_status` is the answer of the route."""

    http_status = 400


class UploadTooLarge(UploadRefused):
    http_status = 413


class UploadTypeRefused(UploadRefused):
    http_status = 415


class UploadTooFrequent(UploadRefused):
    """Too many files, messages or requests in the last hour (check_hourly_rate)."""

    http_status = 429


def upload_limits(env):
    """(largest file in bytes, accepted extensions, most files per upload) as configured.

    Only extensions whose content can be checked count: any other one in the setting is ignored.
    """
    params = env["ir.config_parameter"].sudo()
    try:
        max_mb = float(params.get_param("customer_portal_base.max_file_mb", DEFAULT_MAX_FILE_MB))
    except ValueError:
        max_mb = DEFAULT_MAX_FILE_MB
    types = params.get_param("customer_portal_base.allowed_file_types", DEFAULT_ALLOWED_TYPES)
    allowed = {ext.strip().lower().lstrip(".") for ext in types.split(",") if ext.strip()}
    return int(max_mb * 1024 * 1024), allowed & set(CONTENT_TYPES), MAX_FILES_PER_UPLOAD


def read_uploads(env, storages):
    """The uploaded files (werkzeug FileStorage) as [(name, bytes)], nameless ones skipped.

    Refuses too many files before reading any, and reads one byte over the size limit at most per file:
    enough to refuse a larger one without loading it.
    """
    max_bytes, _allowed, max_files = upload_limits(env)
    storages = [storage for storage in storages if storage.filename]
    _check_count(env, len(storages), max_files)
    return [(storage.filename, storage.read(max_bytes + 1)) for storage in storages]


def check_uploads(env, files):
    """Raise an UploadRefused (with a message for the customer) unless every file of `files`
    ([(name, bytes)]) and their number are acceptable."""
    max_bytes, allowed, max_files = upload_limits(env)
    _check_count(env, len(files), max_files)
    accepted = ", ".join(sorted(allowed))
    for name, raw in files:
        extension = os.path.splitext(name or "")[1].lower().lstrip(".")
        if extension not in allowed:
            raise UploadTypeRefused(
                env._(
                    "%(file)s: this type of file is not accepted. Accepted types: %(types)s.",
                    file=name,
                    types=accepted,
                )
            )
        if len(raw) > max_bytes:
            raise UploadTooLarge(
                env._(
                    "%(file)s is too large: at most %(size)s MB.",
                    file=name,
                    size=round(max_bytes / 1024 / 1024, 1),
                )
            )
        if not raw:
            raise UploadRefused(env._("%(file)s is empty.", file=name))
        if not _content_matches(extension, raw):
            raise UploadTypeRefused(
                env._(
                    "%(file)s: the content of the file is not a %(type)s file.",
                    file=name,
                    type=extension.upper(),
                )
            )


def check_upload_rate(env, res_model, res_id, count):
    """Refuse `count` more files on the document when its customer side already uploaded
    MAX_FILES_PER_HOUR in the last hour (the index on res_model/res_id keeps this one query)."""
    check_hourly_rate(
        env,
        "ir.attachment",
        [("res_model", "=", res_model), ("res_id", "=", res_id)],
        MAX_FILES_PER_HOUR,
        lambda: env._(
            "Too many files in the last hour (at most %(count)s). Try again later.",
            count=MAX_FILES_PER_HOUR,
        ),
        count=count,
    )


def check_hourly_rate(env, model, domain, limit, message, count=1):
    """The one per-user rate limit of what customers send from the portal (files, messages, order
    and change requests): raise UploadTooFrequent (HTTP 429) with `message()` (a callable giving the
    caller's translated text) when the records of `model` matching `domain` that the current user
    created in the last hour, plus `count` more, exceed `limit`.

    The user is the one of the session (create_uid), never an id sent by the client; archived records
    count too.
    """
    if not count:
        return
    recent = (
        env[model]
        .sudo()
        .with_context(active_test=False)
        .search_count(
            list(domain)
            + [
                ("create_uid", "=", env.uid),
                ("create_date", ">=", fields.Datetime.now() - timedelta(hours=1)),
            ]
        )
    )
    if recent + count > limit:
        raise UploadTooFrequent(message())


def _check_count(env, count, max_files):
    if count > max_files:
        raise UploadRefused(env._("Send at most %(count)s files at a time.", count=max_files))


def _content_matches(extension, raw):
    mimetype = guess_mimetype(raw, default="application/octet-stream")
    expected = CONTENT_TYPES[extension]
    if expected == "text":
        return mimetype.startswith("text/") and mimetype not in _ACTIVE_TEXT
    return mimetype in expected
