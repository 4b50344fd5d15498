from odoo.tests import tagged

from .common import HelpdeskServiceCase


@tagged("post_install", "-at_install")
class TestTicketCounters(HelpdeskServiceCase):
    """The "Tickets" smart buttons: right counts, and as many queries for many tickets as for one."""

    def _records(self):
        contract_a = self._assistance_contract()
        contract_b = self._assistance_contract(self.portal_user_b.partner_id)
        intervention_a = self._ticket(plant_id=self.plant_a.id).with_user(self.agent)
        intervention_a.action_create_intervention()
        return {
            "sale.order": (self.order_a | self.order_b, "sale_order_id"),
            "customer.contract": (contract_a | contract_b, "contract_id"),
            "field.intervention": (intervention_a.intervention_id | self.intervention_b, "intervention_id"),
        }

    def _queries(self, records, field):
        records.invalidate_recordset([field])
        return self._count_queries(lambda: [record[field] for record in records])

    def test_counts(self):
        Ticket = self.env["helpdesk.ticket"]
        for model, (pair, field) in self._records().items():
            self._ticket(**{field: pair[0].id})
            pair.invalidate_recordset(["helpdesk_ticket_count"])
            with self.subTest(model=model):
                self.assertTrue(pair[0].helpdesk_ticket_count)
                self.assertEqual(
                    pair.mapped("helpdesk_ticket_count"),
                    [Ticket.search_count([(field, "=", record.id)]) for record in pair],
                )
        self._ticket(self.portal_user_b.partner_id)
        partners = self.customer_a | self.portal_user_a.partner_id | self.customer_b
        self.assertEqual(partners.mapped("helpdesk_ticket_count"), [4, 4, 1])
        self.assertEqual(self.customer_a.helpdesk_ticket_count_string, "4 / 4")

    def test_query_count_flat(self):
        records = self._records()
        partners = self.customer_a | self.portal_user_a.partner_id | self.customer_b
        targets = [(pair, "helpdesk_ticket_count") for pair, _field in records.values()]
        targets.append((partners, "helpdesk_ticket_count"))
        before = [self._queries(pair, count) for pair, count in targets]
        for pair, field in records.values():
            for record in pair:
                for _i in range(4):
                    self._ticket(record.partner_id.commercial_partner_id, **{field: record.id})
        self.env["helpdesk.ticket"].search([]).invalidate_recordset()
        after = [self._queries(pair, count) for pair, count in targets]
        self.assertEqual(before, after)
        self.assertEqual(self.order_b.helpdesk_ticket_count, 4)
        for queries in after:
            self.assertLessEqual(queries, 3)
