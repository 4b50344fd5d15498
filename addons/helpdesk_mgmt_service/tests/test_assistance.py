from datetime import date

from dateutil.relativedelta import relativedelta

from odoo.addons.helpdesk_mgmt_service.models.customer_contract import period_bounds
from odoo.tests import BaseCase, tagged

from .common import HelpdeskServiceCase


class TestPeriodBounds(BaseCase):
    def test_periods_from_the_contract_start(self):
        start = date(2026, 1, 15)
        self.assertEqual(
            period_bounds(start, None, "monthly", date(2026, 3, 20)), (date(2026, 3, 15), date(2026, 4, 15))
        )
        self.assertEqual(
            period_bounds(start, None, "monthly", date(2026, 3, 10)), (date(2026, 2, 15), date(2026, 3, 15))
        )
        self.assertEqual(
            period_bounds(start, None, "quarterly", date(2026, 7, 1)), (date(2026, 4, 15), date(2026, 7, 15))
        )
        self.assertEqual(
            period_bounds(start, None, "yearly", date(2027, 1, 15)), (date(2027, 1, 15), date(2028, 1, 15))
        )
        self.assertEqual(
            period_bounds(start, date(2026, 12, 31), "none", date(2026, 5, 1)), (start, date(2027, 1, 1))
        )


@tagged("post_install", "-at_install")
class TestAssistance(HelpdeskServiceCase):
    def test_hours_covered_then_billable(self):
        contract = self._assistance_contract(hours=5.0)
        first = self._ticket(hours_spent=3.0)
        second = self._ticket(hours_spent=4.0)
        third = self._ticket(hours_spent=1.0)
        self.assertEqual((first | second | third).contract_id, contract)
        self.assertEqual(first.assistance_contract_id, contract)
        self.assertEqual(first.assistance_contract_ids, contract)
        self.assertEqual(first.assistance_hours_period, 5.0)
        self.assertEqual(
            (first.hours_covered, first.hours_billable, first.assistance_status), (3.0, 0.0, "covered")
        )
        self.assertEqual(
            (second.hours_covered, second.hours_billable, second.assistance_status), (2.0, 2.0, "partial")
        )
        self.assertEqual(
            (third.hours_covered, third.hours_billable, third.assistance_status), (0.0, 1.0, "billable")
        )
        self.assertEqual(third.assistance_hours_used, 8.0)
        # More hours on the first ticket eat the allowance of the later ones.
        first.hours_spent = 5.0
        second.invalidate_recordset()
        self.assertEqual((second.hours_covered, second.hours_billable), (0.0, 4.0))

    def test_no_assistance_contract_everything_billable(self):
        self._signed_contract(title="Maintenance", kind="service")
        ticket = self._ticket(hours_spent=2.0)
        self.assertFalse(ticket.assistance_contract_id)
        self.assertEqual(
            (ticket.hours_covered, ticket.hours_billable, ticket.assistance_status), (0.0, 2.0, "billable")
        )

    def test_expired_or_draft_contract_covers_nothing(self):
        today = self.today
        self._assistance_contract(
            start_date=today - relativedelta(years=2), expiry_date=today - relativedelta(days=1)
        )
        self._contract(title="Assistance draft", kind="software", assistance_hours=10.0)
        ticket = self._ticket(hours_spent=1.0)
        self.assertFalse(ticket.assistance_contract_ids)
        self.assertEqual(ticket.hours_billable, 1.0)

    def test_another_customers_hours_do_not_count(self):
        self._assistance_contract(hours=2.0)
        self._assistance_contract(self.portal_user_b.partner_id, hours=2.0)
        self._ticket(self.portal_user_b.partner_id, hours_spent=2.0)
        ticket = self._ticket(hours_spent=2.0)
        self.assertEqual((ticket.hours_covered, ticket.hours_billable), (2.0, 0.0))
