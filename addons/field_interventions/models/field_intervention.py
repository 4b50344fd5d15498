import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.customer_portal_base.models.signed_document_mixin import workflow_write
from odoo.addons.customer_portal_base.tools import upload
from odoo.addons.customer_portal_base.tools.cron import run_batched
from odoo.exceptions import UserError, ValidationError

_logger = logging.getLogger(__name__)

# Days until the provisional start of a portal request, by urgency (the dispatcher sets the real one).
REQUEST_DAYS = {"urgent": 1, "normal": 7, "low": 30}
MAX_REQUESTS_PER_HOUR = 10

# The ORM inserts and updates rows by 100 (INSERT_BATCH_SIZE): batches of that size cost the same
# number of queries whether they hold 10 or 100 interventions.
REMINDER_BATCH_SIZE = 100


class FieldIntervention(models.Model):
    _name = "field.intervention"
    _description = "Field intervention"
    _inherit = [
        "field.site.mixin",
        "mail.thread",
        "mail.activity.mixin",
        "portal.mixin",
        "signed.document.mixin",
    ]
    _order = "date_start desc, id desc"

    # What the customer signs: the report with its lines and attachments, and the facts of the intervention.
    _signed_fields = (
        "report",
        "attachment_ids",
        "partner_id",
        "site_id",
        "plant_ids",
        "user_ids",
        "kind",
        "date_start",
        "date_end",
    )
    _signed_line_fields = {"line_ids": ("line_type", "product_id", "name", "quantity")}
    _signed_report = "field_interventions.action_report_field_intervention"
    _signed_manager_group = "field_interventions.group_field_intervention_manager"
    _workflow_fields = ("state",)

    # ------------------------------------------------------------
    # FIELDS
    # ------------------------------------------------------------

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default=lambda self: self.env._("New")
    )
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    contact_id = fields.Many2one(
        "res.partner",
        string="Customer contact",
        tracking=True,
        domain="['|', ('id', '=', partner_id), ('parent_id', '=', partner_id)]",
        help="Who receives the request to sign the report.",
    )
    plant_ids = fields.Many2many(
        "field.plant",
        "field_intervention_plant_rel",
        "intervention_id",
        "plant_id",
        string="Plants",
        domain="[('partner_id', '=', partner_id), ('site_id', '=', site_id)] if site_id "
        "else [('partner_id', '=', partner_id)]",
    )
    date_start = fields.Datetime(string="Planned start", required=True, tracking=True, index=True)
    date_end = fields.Datetime(string="Planned end", required=True, tracking=True)
    user_ids = fields.Many2many(
        "res.users",
        "field_intervention_technician_rel",
        "intervention_id",
        "user_id",
        string="Technicians",
        domain="[('share', '=', False)]",
    )
    kind = fields.Selection(
        [
            ("installation", "Installation"),
            ("maintenance", "Maintenance"),
            ("repair", "Repair"),
            ("check", "Check"),
        ],
        required=True,
        default="maintenance",
        tracking=True,
    )
    state = fields.Selection(
        [
            ("draft", "To plan"),
            ("planned", "Planned"),
            ("in_progress", "In progress"),
            ("done", "Done"),
            ("signed", "Signed"),
            ("cancelled", "Cancelled"),
        ],
        required=True,
        default="planned",
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand=True,
    )
    date_done = fields.Datetime(string="Done on", readonly=True, copy=False)
    plan_id = fields.Many2one(
        "field.maintenance.plan",
        string="Maintenance plan",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        check_company=True,
    )
    urgency = fields.Selection(
        [("low", "Low"), ("normal", "Normal"), ("urgent", "Urgent")],
        default="normal",
        required=True,
        tracking=True,
    )
    # What the customer asked for from the portal (a request starts "To plan", see _portal_create_request).
    portal_request = fields.Boolean(string="Requested from the portal", readonly=True, copy=False)
    request_description = fields.Text(string="Customer's request", copy=False)
    report = fields.Html(string="Technician's report", sanitize_style=True)
    line_ids = fields.One2many(
        "field.intervention.line", "intervention_id", string="Materials and hours", copy=True
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "field_intervention_attachment_rel",
        "intervention_id",
        "attachment_id",
        string="Attachments",
    )
    # Reminders already sent for the current planned start; moving the start re-arms them.
    reminder_first_sent = fields.Boolean(copy=False, readonly=True)
    reminder_second_sent = fields.Boolean(copy=False, readonly=True)

    # ------------------------------------------------------------
    # COMPUTE
    # ------------------------------------------------------------

    def _compute_access_url(self):
        res = super()._compute_access_url()
        for intervention in self:
            intervention.access_url = f"/my/interventions/{intervention.id}"
        return res

    # ------------------------------------------------------------
    # CONSTRAINTS
    # ------------------------------------------------------------

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for intervention in self:
            if intervention.date_end <= intervention.date_start:
                raise ValidationError(
                    self.env._(
                        "%(name)s: the planned end must be after the planned start.", name=intervention.name
                    )
                )

    @api.constrains("contact_id", "partner_id")
    def _check_contact_of_customer(self):
        for intervention in self.filtered("contact_id"):
            if intervention.contact_id.commercial_partner_id != intervention.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "%(contact)s is not a contact of %(customer)s.",
                        contact=intervention.contact_id.display_name,
                        customer=intervention.partner_id.display_name,
                    )
                )

    @api.constrains("plant_ids", "partner_id", "site_id")
    def _check_plants_of_site(self):
        for intervention in self:
            foreign = intervention._elsewhere(intervention.plant_ids)
            if foreign:
                raise ValidationError(
                    self.env._(
                        "%(plants)s not installed at the site of this intervention.",
                        plants=", ".join(foreign.mapped("display_name")),
                    )
                )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        unnamed = [vals for vals in vals_list if vals.get("name", self.env._("New")) == self.env._("New")]
        for vals, name in zip(unnamed, self._next_names(len(unnamed)), strict=True):
            vals["name"] = name
        return super().create(vals_list)

    def write(self, vals):
        moved = self.browse()
        if "date_start" in vals:
            new_start = fields.Datetime.to_datetime(vals["date_start"])
            moved = self.filtered(lambda i: i.date_start != new_start)
        res = super().write(vals)
        if moved:
            # A new date: the reminders are due again for it.
            moved.write({"reminder_first_sent": False, "reminder_second_sent": False})
        return res

    # ------------------------------------------------------------
    # ACTIONS: state machine
    # ------------------------------------------------------------

    def _set_state(self, new_state, allowed_from):
        for intervention in self:
            if intervention.state not in allowed_from:
                raise UserError(
                    self.env._(
                        "%(name)s is %(state)s: it cannot become %(new)s.",
                        name=intervention.name,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            intervention.state
                        ],
                        new=dict(self._fields["state"]._description_selection(self.env))[new_state],
                    )
                )
        with workflow_write():
            self.write({"state": new_state})
        return True

    def action_plan(self):
        return self._set_state("planned", ("draft",))

    def action_start(self):
        return self._set_state("in_progress", ("planned",))

    def action_done(self):
        res = self._set_state("done", ("in_progress",))
        self.write({"date_done": fields.Datetime.now()})
        # The plans of these plants count their next date from today, however late the work was done.
        plans = self.plan_id | self.env["field.maintenance.plan"].search(
            [("plant_id", "in", self.plant_ids.ids), ("kind", "in", self.mapped("kind"))]
        )
        plans._on_interventions_done(self)
        return res

    def action_cancel(self):
        return self._set_state("cancelled", ("draft", "planned", "in_progress", "done"))

    def action_reset_planned(self):
        return self._set_state("planned", ("cancelled",))

    def action_new_revision(self):
        res = super().action_new_revision()
        with workflow_write():
            self.filtered(lambda i: i.state == "signed").write({"state": "done"})
        return res

    # ------------------------------------------------------------
    # ACTIONS: customer card quick actions
    # ------------------------------------------------------------

    def action_open_form(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_preview_portal(self):
        self.ensure_one()
        return {"type": "ir.actions.act_url", "target": "self", "url": self.get_portal_url()}

    def action_print_report(self):
        return self.env.ref(self._signed_report).report_action(self)

    def action_delete(self):
        self.unlink()
        return True

    def action_ask_signature(self):
        """E-mail the customer contact a link to the intervention's portal page, where they sign."""
        self.ensure_one()
        self._check_can_be_signed()
        contact = self.contact_id or self.partner_id
        if not contact.email:
            raise UserError(
                self.env._(
                    "%(contact)s has no e-mail address to send the request to.", contact=contact.display_name
                )
            )
        self._portal_ensure_token()
        self.message_post_with_source(
            "field_interventions.mail_template_intervention_ask_signature",
            partner_ids=contact.ids,
            subtype_xmlid="mail.mt_comment",
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": self.env._("Signature request sent to %(contact)s.", contact=contact.display_name),
            },
        }

    def action_sign_on_site(self):
        self.ensure_one()
        self._check_can_be_signed()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sign the intervention report"),
            "res_model": "field.intervention.sign.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_intervention_id": self.id,
                "default_signer_name": (self.contact_id or self.partner_id).name,
            },
        }

    # ------------------------------------------------------------
    # SIGNATURE (signed.document.mixin hooks)
    # ------------------------------------------------------------

    def _portal_signer_default_name(self):
        # The intervention's contact signs on site; a signed-in colleague of the customer may too.
        self.ensure_one()
        if self.env.user._is_public():
            return self.contact_id.name
        return (self.contact_id or self.env.user.partner_id).name

    def _check_can_be_signed(self):
        for intervention in self:
            if intervention.state != "done":
                raise UserError(
                    self.env._("%(name)s can be signed once the work is done.", name=intervention.name)
                )

    def _on_signed(self):
        with workflow_write():
            self.write({"state": "signed"})
        recipients = self._customer_contacts_flagged("intervention_sheet_copy")
        if recipients:
            self.message_post_with_source(
                "field_interventions.mail_template_intervention_signed_copy",
                partner_ids=recipients.ids,
                attachment_ids=self.signed_pdf_id.ids,
                subtype_xmlid="mail.mt_comment",
            )

    def _customer_contacts_flagged(self, flag):
        """The customer's contacts (or the customer itself, for a private person) with reserved-area
        access, the option `flag` ticked and an e-mail address."""
        self.ensure_one()
        return (self.partner_id | self.partner_id.child_ids).filtered(
            lambda c: c.email and c._portal_has_access(flag)
        )

    # ------------------------------------------------------------
    # HELPERS
    # ------------------------------------------------------------

    @api.model
    def _next_names(self, count):
        """`count` references from the interventions' sequence. A plain sequence gives them all in one
        query (a cron creating a hundred interventions costs what it costs for ten); any other kind of
        sequence, one at a time as Odoo's next_by_code does."""
        if not count:
            return []
        Sequence = self.env["ir.sequence"].sudo()
        sequence = Sequence.search(
            [("code", "=", "field.intervention"), ("company_id", "in", [self.env.company.id, False])],
            order="company_id",
            limit=1,
        )
        if not sequence:
            return [self.env._("New")] * count
        if sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence._next() for _i in range(count)]
        self.env.cr.execute(
            "SELECT nextval(%s) FROM generate_series(1, %s)", [f"ir_sequence_{sequence.id:03d}", count]
        )
        return [sequence.get_next_char(number) for (number,) in self.env.cr.fetchall()]

    # ------------------------------------------------------------
    # PORTAL HELPERS
    # ------------------------------------------------------------

    @api.model
    def _portal_create_request(
        self, contact, description, urgency="normal", site_id=None, plant_id=None, files=()
    ):
        """The intervention a portal contact asks for, "To plan", with an activity for the dispatcher.

        Called in sudo by the portal controller. Everything the contact sends is checked here: the site and
        the plant must be their own customer's, the files pass the suite's upload check; the state, the
        technicians and the dates are never taken from the request.

        :param files: [(name, content bytes)]
        """
        customer = contact.commercial_partner_id
        if not contact._portal_has_access():
            raise UserError(self.env._("Your account has no access to the reserved area."))
        description = (description or "").strip()
        if not description:
            raise ValidationError(self.env._("Describe what happens."))
        if urgency not in REQUEST_DAYS:
            raise ValidationError(self.env._("Choose how urgent the intervention is."))
        site = self.env["res.partner"]
        if site_id:
            site = self.env["res.partner"].search(
                [("id", "=", site_id), ("parent_id", "=", customer.id), ("type", "in", ("other", "delivery"))]
            )
            if not site:
                raise ValidationError(self.env._("This site is not one of yours."))
        plant = self.env["field.plant"]
        if plant_id:
            plant = self.env["field.plant"].search([("id", "=", plant_id), ("partner_id", "=", customer.id)])
            if not plant or (site and plant.site_id and plant.site_id != site):
                raise ValidationError(self.env._("This plant is not one of yours at this site."))
            site = site or plant.site_id
        upload.check_uploads(self.env, files)
        upload.check_hourly_rate(
            self.env,
            self._name,
            [("portal_request", "=", True)],
            MAX_REQUESTS_PER_HOUR,
            lambda: self.env._(
                "Too many intervention requests in the last hour (at most %(count)s). Try again later.",
                count=MAX_REQUESTS_PER_HOUR,
            ),
        )
        start = fields.Datetime.now().replace(minute=0, second=0, microsecond=0) + timedelta(
            days=REQUEST_DAYS[urgency]
        )
        intervention = self.create(
            {
                "state": "draft",
                "portal_request": True,
                "company_id": (plant.company_id or customer.company_id or self.env.company).id,
                "partner_id": customer.id,
                "contact_id": contact.id,
                "site_id": site.id,
                "plant_ids": [fields.Command.set(plant.ids)],
                "kind": "repair",
                "urgency": urgency,
                "request_description": description,
                "date_start": start,
                "date_end": start + timedelta(hours=2),
            }
        )
        attachments = self.env["ir.attachment"].create(
            [
                {"name": name, "raw": raw, "res_model": self._name, "res_id": intervention.id}
                for name, raw in files
            ]
        )
        intervention.message_post(
            body=description,
            author_id=contact.id,
            attachment_ids=attachments.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        dispatcher = intervention._request_dispatcher()
        if dispatcher:
            intervention.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=dispatcher.id,
                summary=self.env._("Plan the intervention requested by %(contact)s", contact=contact.name),
                note=description,
            )
        return intervention

    def _request_dispatcher(self):
        """Who plans a portal request: the company's dispatcher, else the customer's salesperson, else the
        administrator (a request nobody sees would be lost)."""
        self.ensure_one()
        admin = self.env.ref("base.user_admin", raise_if_not_found=False)
        for user in (self.company_id.field_dispatcher_id, self.partner_id.user_id, admin):
            if user and user.active and not user.share:
                return user
        return self.env["res.users"]

    def _get_report_base_filename(self):
        self.ensure_one()
        return self.env._("Intervention %(name)s", name=self.name)

    def _ics_content(self):
        """These interventions as an iCalendar file (RFC 5545), for the customer's calendar app."""

        def esc(text):
            return (
                (text or "")
                .replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\n", "\\n")
            )

        def stamp(value):
            return value.strftime("%Y%m%dT%H%M%SZ")

        base_url = self[:1].get_base_url()
        host = base_url.split("//")[-1]
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        now = stamp(fields.Datetime.now())
        lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Service Suite//Field Interventions//EN"]
        for intervention in self:
            location = intervention.site_id or intervention.partner_id
            address = location._display_address(without_company=True).replace("\n", ", ")
            lines += [
                "BEGIN:VEVENT",
                f"UID:field-intervention-{intervention.id}@{host}",
                f"DTSTAMP:{now}",
                f"DTSTART:{stamp(intervention.date_start)}",
                f"DTEND:{stamp(intervention.date_end)}",
                f"SUMMARY:{esc(f'{intervention.name} - {kinds[intervention.kind]}')}",
                f"LOCATION:{esc(address)}",
                f"URL:{base_url}{intervention.access_url}",
                "END:VEVENT",
            ]
        lines.append("END:VCALENDAR")
        return "\r\n".join(lines) + "\r\n"

    # ------------------------------------------------------------
    # REMINDERS
    # ------------------------------------------------------------

    @api.model
    def _reminder_offsets(self):
        params = self.env["ir.config_parameter"].sudo()
        first = int(params.get_param("field_interventions.reminder_first_days", 30) or 0)
        second = int(params.get_param("field_interventions.reminder_second_days", 7) or 0)
        return first, second

    @api.model
    def _get_reminder_domain(self, now):
        first, second = self._reminder_offsets()
        return [
            ("state", "=", "planned"),
            ("date_start", ">", now),
            "|",
            "&",
            ("date_start", "<=", now + timedelta(days=first)),
            ("reminder_first_sent", "=", False),
            "&",
            ("date_start", "<=", now + timedelta(days=second)),
            ("reminder_second_sent", "=", False),
        ]

    @api.model
    def _cron_send_reminders(self, batch_size=REMINDER_BATCH_SIZE):
        """Send the due reminders in batches; each batch is committed, a failing record is skipped."""
        now = fields.Datetime.now()
        run_batched(
            self,
            self._get_reminder_domain(now),
            lambda interventions: interventions._send_reminders(now),
            batch_size=batch_size,
            on_error=lambda intervention, error: _logger.exception(
                "Intervention reminder not sent for %s", intervention.name
            ),
        )

    def _send_reminders(self, now):
        """Queue the due reminder of each intervention, one mail per intervention to its contacts, and
        mark it sent; the whole batch at once (flat query count)."""
        second = self._reminder_offsets()[1]
        template = self.env.ref("field_interventions.mail_template_intervention_reminder")
        mail_values = []
        for intervention in self:
            recipients = intervention._reminder_recipients()
            if recipients:
                mail_values.append(intervention._prepare_reminder_mail_values(recipients))
        if mail_values:
            rendered = template._generate_template(
                [vals["res_id"] for vals in mail_values], ("subject", "body_html", "email_from")
            )
            # Reply-to computed for the whole batch (mail.message would compute it one record at a time).
            reply_to = self.browse([vals["res_id"] for vals in mail_values])._notify_get_reply_to()
            for vals in mail_values:
                vals.update(rendered[vals["res_id"]], reply_to=reply_to[vals["res_id"]])
            self.env["mail.mail"].sudo().create(mail_values)
        second_due = self.filtered(lambda i: i.date_start <= now + timedelta(days=second))
        second_due.with_context(tracking_disable=True).write(
            {"reminder_first_sent": True, "reminder_second_sent": True}
        )
        (self - second_due).with_context(tracking_disable=True).write({"reminder_first_sent": True})

    def _reminder_recipients(self):
        return self._customer_contacts_flagged("intervention_reminder")

    def _prepare_reminder_mail_values(self, recipients):
        self.ensure_one()
        return {
            "model": self._name,
            "res_id": self.id,
            "recipient_ids": [fields.Command.set(recipients.ids)],
            "auto_delete": True,
            "message_type": "email",
        }
