from datetime import timedelta

from lxml import etree

from odoo import fields
from odoo.tests import tagged

from .common import InterventionsCase

# The web client reads this many rows of a one2many list without a `limit` of its own.
X2MANY_LIMIT = 40


@tagged("post_install", "-at_install")
class TestCardQueries(InterventionsCase):
    """The customer card costs the same queries whatever the customer holds."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        views = cls.env["res.partner"].get_views([(False, "form")])
        cls.arch = etree.fromstring(views["views"]["form"]["arch"])
        cls.models_info = views["models"]

    def _spec(self, node, model):
        """The web_read specification the web client sends for the fields under `node` (form or list):
        a many2one's display name, an x2many list's own fields for one page of rows."""
        fields_info = self.models_info[model]["fields"]
        spec = {}
        level = node.xpath("count(ancestor-or-self::field)")
        for field_node in node.xpath(f".//field[count(ancestor::field) = {level}]"):
            name = field_node.get("name")
            info = fields_info.get(name, {})
            if info.get("type") == "many2one":
                spec[name] = {"fields": {"display_name": {}}}
            elif info.get("type") in ("one2many", "many2many"):
                sub_list = field_node.find("list")
                if sub_list is None:
                    spec[name] = {"fields": {"display_name": {}}}
                else:
                    spec[name] = {
                        "fields": self._spec(sub_list, info["relation"]),
                        "limit": int(sub_list.get("limit") or X2MANY_LIMIT),
                    }
            else:
                spec.setdefault(name, {})
        return spec

    def _card_queries(self, partner):
        spec = self._spec(self.arch, "res.partner")
        self.env.flush_all()
        partner.web_read(spec)  # caches of views, rules, translations
        self.env.invalidate_all()
        count0 = self.cr.sql_log_count
        partner.web_read(spec)
        return self.cr.sql_log_count - count0

    def _fill(self, customer, count):
        """`count` interventions, a tenth as many sites, plants, plans and checks."""
        n = max(count // 10, 1)
        sites = self.env["res.partner"].create(
            [{"name": f"Site {i}", "parent_id": customer.id, "type": "other"} for i in range(n)]
        )
        plants = self.env["field.plant"].create(
            [
                {"name": f"Plant {i}", "partner_id": customer.id, "site_id": site.id, "plant_type": "heating"}
                for i, site in enumerate(sites)
            ]
        )
        self.env["field.maintenance.plan"].create([{"plant_id": plant.id} for plant in plants])
        start = fields.Datetime.now().replace(microsecond=0)
        self.env["field.intervention"].create(
            [
                {
                    "partner_id": customer.id,
                    "site_id": plants[i % n].site_id.id,
                    "plant_ids": [fields.Command.set(plants[i % n].ids)],
                    "date_start": start + timedelta(days=i),
                    "date_end": start + timedelta(days=i, hours=2),
                    "user_ids": [fields.Command.set(self.technician.ids)],
                }
                for i in range(count)
            ]
        )
        self.env["field.check"].create(
            [
                {"name": f"Check {i}", "partner_id": customer.id, "plant_id": plants[i % n].id}
                for i in range(n * 3)
            ]
        )

    def test_card_read_flat(self):
        small = self.env["res.partner"].create({"name": "Small Srl", "is_company": True})
        large = self.env["res.partner"].create({"name": "Large SpA", "is_company": True})
        self._fill(small, 1)
        self._fill(large, 1000)
        self.assertEqual(large.field_intervention_count, 1000)
        self.assertEqual(len(large.field_site_ids), 100)
        queries_small = self._card_queries(small)
        with self.assertQueryCount(queries_small):
            values = large.web_read(self._spec(self.arch, "res.partner"))[0]
        # A page of rows is read, every id is known (the pager shows the total).
        self.assertEqual(len(values["field_intervention_ids"]), 1000)
        self.assertEqual(sum(1 for row in values["field_intervention_ids"] if "name" in row), 10)
        site = next(row for row in values["field_site_ids"] if "name" in row)
        self.assertEqual(site["field_site_plant_count"], 1)
