"""The one way the suite's portal routes hand a stored file to a browser."""

from odoo.http import request


def attachment_response(attachment):
    """An HTTP response downloading ``attachment`` (already checked by the caller).

    Always a download, never rendered by the browser, and sandboxed should a browser render it anyway:
    an HTML or SVG file sent by a customer would otherwise run on our domain.
    """
    response = request.env["ir.binary"]._get_stream_from(attachment).get_response(as_attachment=True)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
