import base64
import io

from PIL import Image

from odoo.tests import JsonRpcException, TransactionCase, new_test_user

# Small genuine files of two accepted types (their content is what the upload check judges).
PDF = b"%PDF-1.4 plan"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01"


def signature_image_b64(fmt="PNG", size=(120, 60)):
    """A small drawn signature as the portal signature widget sends it (base64, no data: prefix)."""
    image = Image.new("RGB", size, "white")
    for x in range(10, size[0] - 10):
        image.putpixel((x, size[1] // 2), (0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, format=fmt)
    return base64.b64encode(buffer.getvalue()).decode()


# Keep test setups quiet and fast: no tracking messages, no password-reset mails.
TEST_CONTEXT = {
    "mail_create_nolog": True,
    "mail_notrack": True,
    "no_reset_password": True,
    "tracking_disable": True,
}


class PortalCustomersCase(TransactionCase):
    """Two customers, A and B, each a company with one portal contact that has reserved-area access,
    plus a portal contact of A without it and an internal salesman. Shared by the suite's addons.

    The salesman is in Sales' "own documents" group where an addon of the suite installs Sales, else a
    plain internal user: this addon does not depend on Sales.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **TEST_CONTEXT))
        Partner = cls.env["res.partner"]
        cls.customer_a = Partner.create(
            {"name": "Alfa Impianti SRL", "is_company": True, "email": "a@alfa.test"}
        )
        cls.customer_b = Partner.create(
            {"name": "Beta Servizi SpA", "is_company": True, "email": "b@beta.test"}
        )
        cls.portal_user_a = cls._new_portal_user("portal_a", cls.customer_a, reserved=True)
        cls.portal_user_a2 = cls._new_portal_user("portal_a2", cls.customer_a, reserved=False)
        cls.portal_user_b = cls._new_portal_user("portal_b", cls.customer_b, reserved=True)
        salesman_group = cls.env.ref("sales_team.group_sale_salesman", raise_if_not_found=False)
        cls.salesman = new_test_user(
            cls.env,
            login="salesman",
            groups="sales_team.group_sale_salesman" if salesman_group else "base.group_user",
            name="Sam Salesman",
        )

    @classmethod
    def _new_staff_user(cls, login, groups, name):
        """An internal user of the company in `groups` (comma-separated XML ids), with an e-mail."""
        return new_test_user(cls.env, login=login, groups=groups, name=name, email=f"{login}@company.test")

    @classmethod
    def _attach(cls, record, name, raw):
        """A file attached to `record` the way staff attach one in the chatter."""
        return cls.env["ir.attachment"].create(
            {"name": name, "raw": raw, "res_model": record._name, "res_id": record.id}
        )

    @classmethod
    def _new_portal_user(cls, login, company, reserved):
        user = new_test_user(
            cls.env,
            login=login,
            groups="base.group_portal",
            name=f"{login} of {company.name}",
            email=f"{login}@x.test",
        )
        user.partner_id.write({"parent_id": company.id})
        # Set the flag without inviting: the user exists already; invitations are tested on their own.
        user.partner_id.sudo()._write({"portal_reserved_area": reserved})
        user.partner_id.invalidate_recordset(["portal_reserved_area"])
        return user


class CallKwMixin:
    """For an HttpCase: the ORM called the way the web client, or a script, calls it, as the user
    authenticated with `authenticate()`; what the server refuses comes back as its error."""

    def _call_kw(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _call_kw_refused(self, model, method, args, kwargs=None):
        with self.assertRaises(JsonRpcException) as caught:
            self._call_kw(model, method, args, kwargs)
        return caught.exception.args[0]
