from datetime import timedelta

from odoo import api, fields, models
from odoo.addons.customer_portal_base.tools import upload
from odoo.addons.customer_portal_base.tools.cron import run_batched
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Command
from odoo.tools import format_datetime, plaintext2html

# fields whose changes make the order's timeline (tracked by sale and sale_crm)
TIMELINE_FIELDS = ("state", "invoice_status", "user_id", "partner_id", "locked")


class SaleOrder(models.Model):
    _name = "sale.order"
    _inherit = ["sale.order", "hr.timesheet.timer.mixin"]
    _timer_field = "order_id"
    # What one portal user may ask in an hour: new order requests, and changes to quotations.
    _PORTAL_MAX_REQUESTS_PER_HOUR = 10
    _PORTAL_MAX_CHANGES_PER_HOUR = 10

    # ------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------

    contact_person_id = fields.Many2one(
        "res.partner", string="Contact person", index="btree_not_null", check_company=True
    )
    bonus_ids = fields.Many2many("res.partner.bonus", compute="_compute_bonus_ids", string="Customer bonuses")
    partner_discount_id = fields.Many2one(
        "res.partner.discount", string="Customer discount", readonly=True, copy=False, index="btree_not_null"
    )
    partner_discount_base = fields.Monetary(
        readonly=True, copy=False, export_string_translation=False, string="Discount base"
    )
    version_root_id = fields.Many2one(
        "sale.order", string="First version", readonly=True, copy=False, index="btree_not_null"
    )
    # tracked so that the timeline shows when the order became to invoice, invoiced...
    invoice_status = fields.Selection(tracking=True)
    version_count = fields.Integer(compute="_compute_version_count", string="Versions")
    payment_count = fields.Integer(
        compute="_compute_payment_count", string="Payments", groups="account.group_account_invoice"
    )
    onboarding_item_ids = fields.One2many("sale.order.onboarding.item", "order_id", string="Onboarding forms")
    onboarding_missing_count = fields.Integer(
        compute="_compute_onboarding_missing_count", string="Missing forms"
    )
    onboarding_activity_id = fields.Many2one(
        "mail.activity", string="Onboarding reminder", readonly=True, copy=False
    )
    onboarding_reminded_on = fields.Date(string="Last onboarding reminder", readonly=True, copy=False)
    # internal history (who changed what, computed in sudo): sales users only, never the portal
    timeline_html = fields.Html(
        compute="_compute_timeline_html",
        string="Timeline",
        sanitize=False,
        groups="sales_team.group_sale_salesman",
    )
    portal_request = fields.Boolean(
        string="Requested from the portal",
        readonly=True,
        copy=False,
        help="Started by the customer in the portal: listed in the customer's orders while a quotation.",
    )

    # ------------------------------------------------------------
    # Compute
    # ------------------------------------------------------------

    @api.depends("partner_id", "date_order")
    def _compute_bonus_ids(self):
        for order in self:
            bonuses = order.partner_id.commercial_partner_id.bonus_ids
            order.bonus_ids = bonuses._filter_valid_on(
                fields.Date.context_today(order, order.date_order or fields.Datetime.now())
            )

    def _compute_version_count(self):
        roots = self.mapped(lambda o: (o.version_root_id or o)._origin.id)
        counts = dict(
            self.env["sale.order"]._read_group(
                [("version_root_id", "in", roots)], ["version_root_id"], ["__count"]
            )
        )
        counts = {root.id: count for root, count in counts.items()}
        for order in self:
            root = (order.version_root_id or order)._origin
            # the chain holds the root and the versions pointing at it
            order.version_count = counts.get(root.id, 0) + 1 if counts.get(root.id) else 0

    @api.depends("onboarding_item_ids.received")
    def _compute_onboarding_missing_count(self):
        for order in self:
            order.onboarding_missing_count = len(order.onboarding_item_ids.filtered(lambda i: not i.received))

    def _compute_payment_count(self):
        for order in self:
            order.payment_count = len(order._get_order_payments())

    def _compute_timeline_html(self):
        tracking_values = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("mail_message_id.model", "=", "sale.order"),
                    ("mail_message_id.res_id", "in", self._origin.ids),
                    ("field_id.name", "in", TIMELINE_FIELDS),
                ],
                order="id",
            )
        )
        by_order = tracking_values.grouped(lambda tv: tv.mail_message_id.res_id)
        for order in self:
            events = (
                [
                    {
                        "date": order.create_date,
                        "author": order.create_uid.name,
                        "label": self.env._("Quotation created"),
                        "old": "",
                        "new": order.name,
                    }
                ]
                if order._origin
                else []
            )
            for value in by_order.get(order._origin.id, []):
                message = value.mail_message_id
                events.append(
                    {
                        "date": message.date,
                        "author": message.author_id.name,
                        "label": value.field_id.field_description,
                        "old": value.old_value_char or value.old_value_float or "",
                        "new": value.new_value_char or value.new_value_float or "",
                    }
                )
            order.timeline_html = self.env["ir.qweb"]._render(
                "crm_orders_ext.sale_order_timeline",
                {"events": events, "format_datetime": self._format_timeline_datetime},
            )

    # ------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------

    @api.model_create_multi
    def create(self, vals_list):
        orders = super().create(vals_list)
        orders._sync_partner_discount()
        return orders

    def write(self, vals):
        res = super().write(vals)
        if vals.get("signature"):
            # signed from the portal link: the offer is accepted even before any payment
            self.opportunity_id._crm_make_customer()
        if {"order_line", "partner_id"} & vals.keys():
            self._sync_partner_discount()
        return res

    # ------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------

    def action_confirm(self):
        res = super().action_confirm()
        self.opportunity_id._crm_make_customer()
        self._onboarding_create_items()
        return res

    def action_create_draft_invoice(self):
        """One click from an offer or a confirmed order to its draft invoice: an offer is confirmed on the way
        (all or nothing: when there is nothing to invoice, the confirmation is rolled back with the error)."""
        offers = self.filtered(lambda order: order.state in ("draft", "sent"))
        if offers:
            offers.action_confirm()
        invoices = self._create_invoices()
        return self.action_view_invoice(invoices)

    def action_new_version(self):
        """Archive this quotation as a version and continue on a copy of it."""
        self.ensure_one()
        if self.state not in ("draft", "sent"):
            raise UserError(self.env._("Only a quotation can get a new version."))
        root = self.version_root_id or self
        new = self.copy({"version_root_id": root.id, "origin": self.origin or self.name})
        self.with_context(disable_cancel_warning=True).action_cancel()
        new.message_post(body=self.env._("New version of %s.", self._get_html_link()))
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": new.id,
            "views": [(False, "form")],
        }

    def action_view_versions(self):
        self.ensure_one()
        root = self.version_root_id or self
        action = self.env["ir.actions.actions"]._for_xml_id("sale.action_quotations_with_onboarding")
        action.update(
            {
                "name": self.env._("Versions of %s", root.name),
                "domain": ["|", ("id", "=", root.id), ("version_root_id", "=", root.id)],
                # without the default "my quotations" filter: versions may be made by colleagues
                "context": {},
            }
        )
        return action

    def action_view_payments(self):
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id("account.action_account_payments")
        action.update(
            {"domain": [("id", "in", self._get_order_payments().ids)], "context": {"create": False}}
        )
        return action

    def action_send_to_staff(self):
        return self._open_order_wizard("sale.order.send.staff.wizard", self.env._("Send to staff"))

    def action_remind_me(self):
        return self._open_order_wizard("sale.order.reminder.wizard", self.env._("Remind me"))

    # ------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------

    def _open_order_wizard(self, model, name):
        """The dialog of one of the order's wizards, opened on this order."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def _format_timeline_datetime(self, value):
        # The reader's timezone and his language's date and time formats (Odoo's helper), not ISO.
        tz = self.env.context.get("tz") or self.env.user.tz
        return format_datetime(self.env, value, tz=tz) if value else ""

    def _get_order_payments(self):
        self.ensure_one()
        return self.invoice_ids.matched_payment_ids | self.transaction_ids.payment_id

    def _onboarding_create_items(self):
        """A software sale opens the customer's checklist of forms to send back."""
        orders = self.filtered(
            lambda o: (
                not o.onboarding_item_ids
                and o.order_line.product_id.product_tmpl_id.filtered("requires_onboarding")
            )
        )
        if not orders:
            return
        forms = self.env["sale.onboarding.form"].search(
            [("company_id", "in", [False, *orders.company_id.ids])]
        )
        self.env["sale.order.onboarding.item"].create(
            [
                {"order_id": order.id, "form_id": form.id}
                for order in orders
                for form in forms
                if form.company_id in (order.company_id, form.company_id.browse())
            ]
        )

    def _onboarding_close_reminder(self):
        for order in self.filtered(lambda o: o.onboarding_activity_id and not o.onboarding_missing_count):
            order.onboarding_activity_id.action_feedback(
                feedback=self.env._("All onboarding forms received.")
            )

    @api.model
    def _get_onboarding_reminder_domain(self):
        days = int(
            self.env["ir.config_parameter"].sudo().get_param("crm_orders_ext.onboarding_reminder_days", 7)
        )
        due = fields.Date.context_today(self) - timedelta(days=max(days, 1))
        return [
            ("state", "=", "sale"),
            ("onboarding_item_ids.received", "=", False),
            "|",
            ("onboarding_reminded_on", "=", False),
            ("onboarding_reminded_on", "<=", due),
        ]

    @api.model
    def _cron_onboarding_reminders(self, batch_size=100):
        """Every N days, remind the salesperson of the forms still missing, until all are in."""
        run_batched(
            self,
            self._get_onboarding_reminder_domain(),
            lambda orders: orders._onboarding_remind(),
            batch_size=batch_size,
        )

    def _onboarding_remind(self):
        today = fields.Date.context_today(self)
        for order in self:
            missing = order.onboarding_item_ids.filtered(lambda i: not i.received).form_id
            summary = self.env._("Onboarding forms missing: %s", ", ".join(missing.mapped("name")))
            activity = order.onboarding_activity_id
            if activity.active:
                activity.write({"date_deadline": today, "summary": summary})
            else:
                activity = order.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=today,
                    summary=summary,
                    user_id=order.user_id.id or self.env.uid,
                )
            order.write({"onboarding_activity_id": activity.id, "onboarding_reminded_on": today})

    def _timer_project_and_task(self):
        return self.project_id or self.order_line.project_id[:1], self.env["project.task"]

    def _sync_partner_discount(self):
        """Apply the customer's best discount whose threshold the quotation reaches; remove it below.

        The discount is a discount line built by Odoo's own discount wizard (one line per tax
        group), so taxes stay right and the customer sees it on the quotation.
        """
        if self.env.context.get("partner_discount_sync"):
            return
        orders = self.with_context(partner_discount_sync=True)
        for order in orders.filtered(lambda o: o.state in ("draft", "sent") and not o.locked):
            discount_lines = order.order_line.filtered("partner_discount_id")
            base = sum((order.order_line - discount_lines).mapped("price_subtotal"))
            discount = order.partner_id.commercial_partner_id.discount_ids.filtered(
                lambda d, base=base, company=order.company_id: (
                    d.threshold <= base and d.company_id in (company, company.browse())
                )
            )[:1]
            unchanged = not order.currency_id.compare_amounts(order.partner_discount_base, base)
            if discount == order.partner_discount_id and (not discount or (discount_lines and unchanged)):
                continue
            discount_lines.unlink()
            order.partner_discount_id = discount
            if discount:
                order._add_partner_discount_lines(discount, base)
                order.partner_discount_base = base

    def _add_partner_discount_lines(self, discount, base):
        wizard = self.env["sale.order.discount"].create(
            {
                "sale_order_id": self.id,
                "discount_type": "so_discount" if discount.value_type == "percent" else "amount",
                "discount_percentage": discount.value / 100.0 if discount.value_type == "percent" else 0.0,
                "discount_amount": discount.value if discount.value_type == "amount" else 0.0,
            }
        )
        existing = self.order_line
        wizard.sudo()._create_discount_lines()
        (self.order_line - existing).partner_discount_id = discount

    # ------------------------------------------------------------
    # Portal requests
    # ------------------------------------------------------------

    @api.model
    def _portal_orderable_domain(self):
        return [
            ("portal_orderable", "=", True),
            ("sale_ok", "=", True),
            ("company_id", "in", [False, self.env.company.id]),
        ]

    @api.model
    def _portal_check_request(self, lines, text, wished_date, files):
        """Refuse a portal request with a message the customer understands.

        :param lines: [(product_id, quantity)]; :param files: [(name, content bytes)]
        """
        if not lines and not (text or "").strip():
            raise ValidationError(self.env._("Add at least one product or describe what you need."))
        if any(quantity <= 0 for _product, quantity in lines):
            raise ValidationError(self.env._("Quantities must be greater than zero."))
        product_ids = {product_id for product_id, _quantity in lines}
        orderable = self.env["product.product"].search(
            [("id", "in", list(product_ids)), *self._portal_orderable_domain()]
        )
        if len(orderable) != len(product_ids):
            raise ValidationError(self.env._("One of the products cannot be ordered from the portal."))
        if wished_date and wished_date < fields.Date.context_today(self):
            raise ValidationError(self.env._("The wished date cannot be in the past."))
        # the portal's one check of uploaded files: count, size and type (on content)
        upload.check_uploads(self.env, files)

    @api.model
    def _portal_create_request(self, contact, lines, text="", wished_date=None, files=(), opportunity=None):
        """The quotation of a portal request, for the contact's own company.

        Called in sudo by the portal controller once the contact's access is checked.
        """
        self._portal_check_request(lines, text, wished_date, files)
        self._portal_check_rate(
            "sale.order",
            [("portal_request", "=", True)],
            self._PORTAL_MAX_REQUESTS_PER_HOUR,
            lambda: self.env._(
                "Too many order requests in the last hour (at most %(count)s). Try again later.",
                count=self._PORTAL_MAX_REQUESTS_PER_HOUR,
            ),
        )
        opportunity = opportunity or self.env["crm.lead"]
        customer = contact.commercial_partner_id
        if opportunity and opportunity.partner_id.commercial_partner_id != customer:
            raise ValidationError(self.env._("This opportunity belongs to another customer."))
        salesperson = self._portal_salesperson(customer, opportunity)
        if not opportunity:
            opportunity = self.env["crm.lead"].create(
                {
                    "name": self.env._("Order request of %s", customer.name),
                    "type": "opportunity",
                    "partner_id": contact.id,
                    "user_id": salesperson.id,
                }
            )
        values = opportunity._crm_prepare_offer_values()
        order_lines = [
            Command.create({"product_id": product_id, "product_uom_qty": quantity})
            for product_id, quantity in lines
        ]
        if (text or "").strip():
            order_lines.append(Command.create({"display_type": "line_note", "name": text.strip()}))
        values.update(
            {
                "contact_person_id": contact.id,
                "portal_request": True,
                "user_id": salesperson.id,
                "commitment_date": wished_date,
                "order_line": order_lines,
            }
        )
        order = self.create(values)
        order.message_subscribe(partner_ids=contact.ids)
        attachments = self.env["ir.attachment"].create(
            [
                {"name": name, "raw": content, "res_model": "sale.order", "res_id": order.id}
                for name, content in files
            ]
        )
        order.message_post(
            author_id=contact.id,
            body=plaintext2html(text.strip()) if (text or "").strip() else self.env._("Order request"),
            attachment_ids=attachments.ids,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        order.activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=salesperson.id,
            summary=self.env._("Order request from the portal"),
            note=self.env._("%s asked for this quotation from the portal.", contact.name),
        )
        return order

    @api.model
    def _portal_salesperson(self, customer, opportunity):
        """The customer's salesperson, else the opportunity's or its team leader, else the administrator."""
        candidates = (
            customer.user_id
            | opportunity.user_id
            | opportunity.team_id.user_id
            | (self.env.ref("base.user_admin", raise_if_not_found=False) or self.env["res.users"])
        )
        return candidates.filtered(lambda user: user.active and not user.share)[:1]

    def _portal_request_visible(self, user):
        """Whether the portal `user` may see this order (as the rule sale_order_rule_portal_request).

        Any order of the user's company that was not started from the portal; a portal request only
        with reserved-area access: its author always, the customer's other contacts once it is a
        quotation sent or an order (a draft request is the author's own until the salesperson sends it).
        """
        self.ensure_one()
        if self.partner_id.commercial_partner_id != user.partner_id.commercial_partner_id:
            return False
        if not self.portal_request:
            return True
        if not user._portal_area_allowed(internal=False):
            return False
        return self.contact_person_id == user.partner_id or self.state in ("sent", "sale")

    def _portal_check_rate(self, model, domain, limit, message):
        """Per portal user and hour (upload.check_hourly_rate, HTTP 429); staff are not limited."""
        if self.env.user.share:
            upload.check_hourly_rate(self.env, model, domain, limit, message)

    def _portal_events_allowed(self, user, access_token=None):
        """The order's events (files, chat, file kinds, bus channel) follow the order page: a draft
        portal request is its author's only (_portal_request_visible), whatever the link."""
        allowed = super()._portal_events_allowed(user, access_token=access_token)
        if allowed and self.portal_request and user.share and not user._is_public():
            return self._portal_request_visible(user)
        return allowed

    def _portal_ask_changes(self, contact, message):
        """The customer asks for changes to the quotation they were sent: chatter message and activity."""
        self.ensure_one()
        if self.state not in ("draft", "sent"):
            raise UserError(self.env._("Only a quotation can be changed."))
        message = (message or "").strip()
        if not message:
            raise ValidationError(self.env._("Write what should change in the quotation."))
        # the changes asked are the user's comments on orders (the portal chatter's count too)
        self._portal_check_rate(
            "mail.message",
            [
                ("model", "=", self._name),
                ("message_type", "=", "comment"),
                ("subtype_id", "=", self.env.ref("mail.mt_comment").id),
            ],
            self._PORTAL_MAX_CHANGES_PER_HOUR,
            lambda: self.env._(
                "Too many changes asked in the last hour (at most %(count)s). Try again later.",
                count=self._PORTAL_MAX_CHANGES_PER_HOUR,
            ),
        )
        self.message_post(
            author_id=contact.id,
            body=plaintext2html(message),
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        salesperson = self.user_id or self._portal_salesperson(
            self.partner_id.commercial_partner_id, self.opportunity_id
        )
        self.activity_schedule(
            "mail.mail_activity_data_todo",
            user_id=salesperson.id,
            summary=self.env._("Changes asked by %s", contact.name),
            note=plaintext2html(message),
        )
