import re

from odoo import models

ORDER_CHANNEL = re.compile(r"^customer_portal_events\.order_(\d+)$")


class IrWebsocket(models.AbstractModel):
    _inherit = "ir.websocket"

    def _build_bus_channel_list(self, channels):
        channels = list(channels) + self._order_page_channels(channels)
        return super()._build_bus_channel_list(channels)

    def _order_page_channels(self, channels):
        """The live channels of the order pages asked for: sales users who may read the order get its
        'staff' subchannel (presence, customer messages), the customer's portal users with reserved-area
        access its 'customer' one (staff messages)."""
        user = self.env.user
        if not self.env.uid or user._is_public():
            return []
        result = []
        for channel in channels:
            match = isinstance(channel, str) and ORDER_CHANNEL.match(channel)
            if not match:
                continue
            order = self.env["sale.order"].sudo().browse(int(match[1])).exists()
            if not order or not order._portal_events_allowed(user):
                continue
            if user.share:
                result.append((order, "customer"))
            elif user.has_group("sales_team.group_sale_salesman"):
                # Visitor names and presence: sales users only, not every user who may read the order.
                result.append((order, "staff"))
        return result
