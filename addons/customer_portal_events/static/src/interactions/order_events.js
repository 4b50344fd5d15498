import { Interaction } from "@web/public/interaction";
import { registry } from "@web/core/registry";
import { rpc } from "@web/core/network/rpc";
import { _t } from "@web/core/l10n/translation";

const HEARTBEAT_MS = 20000;

/**
 * The events section of the portal order page: heartbeat (presence, view statistics), live chat
 * (text messages sent without reloading, staff messages arriving through the bus). Files go through
 * the plain form post.
 */
export class OrderEvents extends Interaction {
    static selector = "#order_events";
    dynamicContent = {
        ".o_order_events_form": { "t-on-submit": this.onSubmit },
    };

    setup() {
        this.orderId = parseInt(this.el.dataset.orderId);
        this.accessToken = this.el.dataset.accessToken || undefined;
        this.list = this.el.querySelector(".o_order_events_list");
        this.errorEl = this.el.querySelector(".o_order_events_error");
    }

    start() {
        const { visitId, visitKey } = this.el.dataset;
        if (visitId && visitKey) {
            const beat = () =>
                rpc(`/my/orders/${this.orderId}/heartbeat`, { visit_id: visitId, key: visitKey }, { silent: true }).catch(() => {});
            const interval = setInterval(beat, HEARTBEAT_MS);
            this.registerCleanup(() => clearInterval(interval));
        }
        const bus = this.services.bus_service;
        if (bus && !this.accessToken) {
            bus.addChannel(`customer_portal_events.order_${this.orderId}`);
            const onEvent = (payload) => this.addEvent(payload);
            bus.subscribe("customer_portal_events/event", onEvent);
            this.registerCleanup(() => bus.unsubscribe("customer_portal_events/event", onEvent));
        }
    }

    async onSubmit(ev) {
        const form = ev.currentTarget;
        const fileInput = form.querySelector("input[type=file]");
        if (fileInput.files.length) {
            return; // files: the normal multipart post
        }
        ev.preventDefault();
        const textarea = form.querySelector("textarea[name=message]");
        const result = await this.waitFor(
            rpc(`/my/orders/${this.orderId}/events/chat`, {
                message: textarea.value,
                access_token: this.accessToken,
            })
        );
        if (result.error) {
            this.errorEl.textContent = result.error;
            this.errorEl.classList.remove("d-none");
            return;
        }
        this.errorEl.classList.add("d-none");
        textarea.value = "";
        this.addEvent(result.event);
    }

    addEvent(event) {
        if (!event || this.list.querySelector(`[data-event-id="${event.id}"]`)) {
            return;
        }
        const li = document.createElement("li");
        li.className = "o_order_event border-bottom py-2";
        li.dataset.eventId = event.id;
        const head = document.createElement("div");
        head.className = "small text-muted";
        const author = document.createElement("strong");
        author.textContent = event.author;
        head.append(author, ` · ${event.date}`);
        const body = document.createElement("div");
        body.className = "o_order_event_body";
        // The body is server-side HTML: escaped customer text or sanitized staff message.
        body.innerHTML = event.body;
        li.append(head, body);
        for (const attachment of event.attachments) {
            const link = document.createElement("a");
            link.className = "o_order_event_file d-block";
            link.href = attachment.url;
            link.textContent = attachment.name;
            link.title = _t("Download");
            li.append(link);
        }
        this.el.querySelector(".o_order_events_empty")?.remove();
        this.list.prepend(li);
    }
}

registry.category("public.interactions").add("customer_portal_events.order_events", OrderEvents);
