import { Component, onWillDestroy, onWillStart, useState } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { _t } from "@web/core/l10n/translation";
import { deserializeDateTime, formatDateTime } from "@web/core/l10n/dates";
import { standardWidgetProps } from "@web/views/widgets/standard_widget_props";

const ONLINE_WINDOW_MS = 60000;

/**
 * On the order form: "customer online now (since ...)" kept live by the order's staff bus channel,
 * gone one minute after the last heartbeat. Messages the customer posts on the page pop up and are
 * fetched into the chatter, so staff chat with the customer from the chatter ("Send message").
 */
export class PortalPresence extends Component {
    static props = standardWidgetProps;
    static template = "customer_portal_events.PortalPresence";

    setup() {
        this.bus = useService("bus_service");
        this.notification = useService("notification");
        this.state = useState({ visits: {}, now: Date.now() });
        const data = this.props.record.data;
        if (data.portal_online_since) {
            this.state.visits.initial = {
                name: data.portal_online_names,
                start: data.portal_online_since,
                lastSeen: Date.now(),
            };
        }
        this.resId = this.props.record.resId;
        this.onPresence = this.onPresence.bind(this);
        this.onEvent = this.onEvent.bind(this);
        onWillStart(() => {
            if (this.resId) {
                this.bus.addChannel(`customer_portal_events.order_${this.resId}`);
                this.bus.subscribe("customer_portal_events/presence", this.onPresence);
                this.bus.subscribe("customer_portal_events/event", this.onEvent);
            }
        });
        const timer = setInterval(() => (this.state.now = Date.now()), 10000);
        onWillDestroy(() => {
            clearInterval(timer);
            if (this.resId) {
                this.bus.unsubscribe("customer_portal_events/presence", this.onPresence);
                this.bus.unsubscribe("customer_portal_events/event", this.onEvent);
                this.bus.deleteChannel(`customer_portal_events.order_${this.resId}`);
            }
        });
    }

    get online() {
        const visits = Object.values(this.state.visits).filter(
            (visit) => this.state.now - visit.lastSeen < ONLINE_WINDOW_MS
        );
        if (!visits.length) {
            return false;
        }
        const start = visits.map((visit) => visit.start).reduce((a, b) => (a < b ? a : b));
        const names = [...new Set(visits.map((visit) => visit.name).filter(Boolean))].join(", ");
        return { names, since: formatDateTime(start) };
    }

    onPresence(payload) {
        if (payload.order_id !== this.resId) {
            return;
        }
        delete this.state.visits.initial;
        const previous = this.state.visits[payload.visit_id];
        this.state.visits[payload.visit_id] = {
            name: payload.name || previous?.name || _t("Customer"),
            start: deserializeDateTime(payload.start),
            lastSeen: Date.now(),
        };
        this.state.now = Date.now();
    }

    onEvent(payload) {
        if (!payload.from_customer) {
            return;
        }
        const thread = this.env.services["mail.store"]?.Thread.insert({ model: "sale.order", id: this.resId });
        thread?.fetchNewMessages();
        this.notification.add(payload.body.replace(/<[^>]*>/g, " ").trim() || _t("New file"), {
            title: _t("%s on the order page", payload.author),
            type: "info",
        });
    }
}

registry.category("view_widgets").add("portal_presence", { component: PortalPresence });
