from odoo.addons.customer_portal_base.tests.common import CallKwMixin
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..tools.ro_amount_words import ron_amount_words
from .common import CollectionCommon

# RON amounts and how a chitanță writes them.
RON_WORDS = [
    (0.01, "zero lei și un ban"),
    (1, "un leu"),
    (2, "doi lei"),
    (12, "doisprezece lei"),
    (19, "nouăsprezece lei"),
    (20, "douăzeci de lei"),
    (21, "douăzeci și unu de lei"),
    (100, "o sută de lei"),
    (101, "o sută unu lei"),
    (119, "o sută nouăsprezece lei"),
    (120, "o sută douăzeci de lei"),
    (1000, "o mie de lei"),
    (1001, "o mie unu lei"),
    (2000, "două mii de lei"),
    (12000, "douăsprezece mii de lei"),
    (21000, "douăzeci și una de mii de lei"),
    (12345.67, "douăsprezece mii trei sute patruzeci și cinci de lei și șaizeci și șapte de bani"),
    (1000000, "un milion de lei"),
    (2000000.50, "două milioane de lei și cincizeci de bani"),
    (22000000, "douăzeci și două de milioane de lei"),
    (1000000000, "un miliard de lei"),
    (3.02, "trei lei și doi bani"),
    (5.2, "cinci lei și douăzeci de bani"),
]


class ItalianCompanyCommon(CollectionCommon):
    """The Romanian company of CollectionCommon plus an Italian one with its cash journal."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.it_data = cls.setup_other_company(name="Servizi Italia SRL")
        cls.it_company = cls.it_data["company"]
        cls.change_company_country(cls.it_company, cls.env.ref("base.it"))
        cls.it_cash_journal = cls.it_data["default_journal_cash"]
        cls.it_billing_user = new_test_user(
            cls.env,
            login="pm_billing_it",
            groups="account.group_account_invoice",
            company_id=cls.it_company.id,
            company_ids=[cls.it_company.id],
        )
        cls.italian_customer = cls.env["res.partner"].create(
            {"name": "Rossi Impianti SRL", "is_company": True, "street": "Via Roma 1", "city": "Milano"}
        )

    def _it_cash_payment(self, amount=50.0, **values):
        payment = (
            self.env["account.payment"]
            .with_company(self.it_company)
            .create(
                {
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "partner_id": self.italian_customer.id,
                    "amount": amount,
                    "journal_id": self.it_cash_journal.id,
                    "collection_method_id": self.method_cash.id,
                    **values,
                }
            )
        )
        payment.action_post()
        return payment


@tagged("post_install", "-at_install")
class TestL10nRoReceipt(ItalianCompanyCommon):
    def _cash(self, partner, amount=100.0, journal=None, **values):
        return self._register(
            self._invoice(partner, amount), self.method_cash, journal or self.cash_journal, **values
        )

    def test_romanian_company_payer_gets_chitanta_in_its_journal_series(self):
        self.assertTrue(self.cash_journal.l10n_ro_is_romanian)
        self.cash_journal.l10n_ro_cash_receipt_series = "CH"
        payment = self._cash(self.customer)
        receipt = payment.cash_receipt_id
        self.assertEqual((receipt.series, receipt.number, receipt.name), ("CH", "000001", "CH 000001"))
        self.assertEqual(receipt.journal_id, self.cash_journal)

    def test_romanian_invoices_numbered_by_series_and_number(self):
        journal = self.company_data["default_journal_sale"]
        first = self._invoice(self.customer, 10.0, invoice_date="2025-12-30")
        second = self._invoice(self.customer, 20.0, invoice_date="2026-01-05")
        self.assertEqual(first.journal_id, journal)
        # The journal's code is the series; the number runs on across years.
        self.assertEqual((first.name, second.name), (f"{journal.code}-00001", f"{journal.code}-00002"))
        credit_note = first._reverse_moves()
        credit_note.action_post()
        self.assertTrue(journal.refund_sequence)
        self.assertEqual(credit_note.name, f"R{journal.code}-00001")
        # An Italian company keeps Odoo's yearly numbering.
        it_invoice = self.init_invoice(
            "out_invoice",
            partner=self.italian_customer,
            amounts=[10.0],
            taxes=[],
            invoice_date="2026-01-05",
            company=self.it_company,
            post=True,
        )
        self.assertRegex(it_invoice.name, r"/2026/0*1$")

    def test_romanian_individual_only_on_request(self):
        self.assertFalse(self._cash(self.individual).cash_receipt_ids)
        self.assertTrue(self._cash(self.individual, cash_receipt_requested=True).cash_receipt_id)

    def test_two_cash_journals_two_series_each_without_gaps(self):
        second = self.env["account.journal"].create({"name": "Casa Cluj", "type": "cash", "code": "CJ"})
        self.cash_journal.l10n_ro_cash_receipt_series = "BUC"
        # An account manager sets the series in the journal's form.
        with Form(second) as journal_form:
            journal_form.l10n_ro_cash_receipt_series = "CLJ"
        names = [
            self._cash(self.customer, 10.0 + n, journal=journal).cash_receipt_id.name
            for n, journal in enumerate([self.cash_journal, second, second, self.cash_journal, second])
        ]
        self.assertEqual(names, ["BUC 000001", "CLJ 000001", "CLJ 000002", "BUC 000002", "CLJ 000003"])
        self.assertEqual(second.l10n_ro_cash_receipt_next_number, 4)
        with self.assertRaisesRegex(ValidationError, "already used by the journal"):
            second.l10n_ro_cash_receipt_series = "BUC"
        # A series left by a journal stays that journal's: its numbers are taken.
        second.l10n_ro_cash_receipt_series = "CLN"
        with self.assertRaisesRegex(ValidationError, "already used by the journal Casa Cluj"):
            self.cash_journal.l10n_ro_cash_receipt_series = "CLJ"
        with self.assertRaisesRegex(ValidationError, "needs a cash receipt series"):
            second.l10n_ro_cash_receipt_series = " "

    def test_italian_company_issues_no_chitanta_and_prints_a_receipt_on_request(self):
        for code in ("ro_RO", "it_IT"):
            self.env["res.lang"]._activate_lang(code)
        self.env["ir.module.module"]._load_module_terms(
            ["payment_methods_ro_it"], ["ro_RO", "it_IT"], overwrite=True
        )
        self.italian_customer.lang = "it_IT"
        self.it_company.external_report_layout_id = self.env.ref("web.external_layout_standard")
        sequences = self.env["ir.sequence"].search_count([("code", "=", "account.cash.receipt")])
        payment = self._it_cash_payment(50.0, cash_receipt_requested=True)
        self.assertFalse(payment.l10n_ro_is_romanian)
        self.assertFalse(payment.cash_receipt_ids, "no chitanță outside Romania, even when asked")
        self.assertFalse(self.it_cash_journal.sudo().l10n_ro_cash_receipt_sequence_id)
        action = payment.action_print_payment_receipt()
        self.assertEqual(action["report_name"], "payment_methods_ro_it.report_payment_receipt")
        report = self.env["ir.actions.report"]
        html = report._render_qweb_html("payment_methods_ro_it.report_payment_receipt", payment.ids)[
            0
        ].decode()
        self.assertIn("Ricevuta di pagamento", html)
        self.assertIn("Rossi Impianti SRL", html)
        self.assertIn("Via Roma 1", html)
        self.assertIn("cinquanta", html.lower())
        self.assertNotIn("Chitanț", html)
        self.assertEqual(
            self.env["ir.sequence"].search_count([("code", "=", "account.cash.receipt")]), sequences
        )
        with self.allow_pdf_render():
            pdf, report_format = report.with_context(force_report_rendering=True)._render_qweb_pdf(
                "payment_methods_ro_it.action_report_payment_receipt", payment.ids
            )
        self.assertEqual(report_format, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))

    def test_payment_receipt_not_for_romanian_or_unconfirmed_payments(self):
        with self.assertRaisesRegex(UserError, "chitanță"):
            self._cash(self.customer).action_print_payment_receipt()
        draft = (
            self.env["account.payment"]
            .with_company(self.it_company)
            .create(
                {
                    "payment_type": "inbound",
                    "partner_id": self.italian_customer.id,
                    "amount": 5.0,
                    "journal_id": self.it_cash_journal.id,
                    "collection_method_id": self.method_cash.id,
                }
            )
        )
        with self.assertRaisesRegex(UserError, "confirmed cash payment"):
            draft.action_print_payment_receipt()

    def test_ron_amount_in_words(self):
        for amount, words in RON_WORDS:
            with self.subTest(amount=amount):
                self.assertEqual(ron_amount_words(amount), words)

    def test_chitanta_in_ron_writes_the_romanian_words(self):
        ron = self.env.ref("base.RON")
        ron.active = True
        self.env["res.lang"]._activate_lang("ro_RO")
        self.cash_journal.l10n_ro_cash_receipt_series = "CH"
        payment = self.env["account.payment"].create(
            {
                "payment_type": "inbound",
                "partner_id": self.customer.id,
                "amount": 12345.67,
                "currency_id": ron.id,
                "journal_id": self.cash_journal.id,
                "collection_method_id": self.method_cash.id,
            }
        )
        payment.action_post()
        receipt = payment.cash_receipt_id
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("payment_methods_ro_it.report_cash_receipt_ro", receipt.ids)[0]
            .decode()
        )
        self.assertIn(RON_WORDS[16][1], html)
        self.assertIn("CH", html)
        self.assertIn(receipt.number, html)

    @mute_logger("odoo.addons.base.models.ir_model")
    def test_journal_receipt_series_for_account_managers_only(self):
        journal = self.cash_journal.with_user(self.billing_user)
        with self.assertRaises(AccessError):
            journal.read(["l10n_ro_cash_receipt_series"])
        with self.assertRaises(AccessError):
            journal.write({"l10n_ro_cash_receipt_series": "X"})
        with self.assertRaises(AccessError):
            journal.read(["l10n_ro_cash_receipt_sequence_id"])
        for env, shown in ((journal.env, False), (self.env, True)):
            arch = env["account.journal"].get_views([(False, "form")])["views"]["form"]["arch"]
            self.assertEqual("l10n_ro_cash_receipt_series" in arch, shown)


@tagged("post_install", "-at_install")
class TestL10nRoReceiptRpc(ItalianCompanyCommon, HttpCase, CallKwMixin):
    @mute_logger("odoo.http", "odoo.addons.base.models.ir_model")
    def test_italian_user_cannot_trigger_a_chitanta_over_rpc(self):
        self.authenticate(self.it_billing_user.login, self.it_billing_user.login)
        payment_id = self._call_kw(
            "account.payment",
            "create",
            [
                {
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "partner_id": self.customer.id,
                    "amount": 70.0,
                    "journal_id": self.it_cash_journal.id,
                    "collection_method_id": self.method_cash.id,
                    "cash_receipt_requested": True,
                }
            ],
        )
        # The request flag is the user's to set; the country flag is computed from the company, so a
        # client writing it changes nothing.
        for values in ({"cash_receipt_requested": True}, {"l10n_ro_is_romanian": True}):
            self.assertTrue(self._call_kw("account.payment", "write", [[payment_id], values]))
        self._call_kw("account.payment", "action_post", [[payment_id]])
        self.assertEqual(
            self._call_kw_refused(
                "account.journal", "write", [[self.it_cash_journal.id], {"l10n_ro_cash_receipt_series": "CH"}]
            ),
            "odoo.exceptions.AccessError",
        )
        payment = self.env["account.payment"].browse(payment_id)
        self.assertEqual(payment.state, "in_process")
        self.assertFalse(payment.l10n_ro_is_romanian)
        self.assertFalse(payment.cash_receipt_ids)
        self.assertFalse(self.it_cash_journal.sudo().l10n_ro_cash_receipt_sequence_id)
