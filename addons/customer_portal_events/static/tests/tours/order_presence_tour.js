import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("customer_portal_events_order_presence", {
    steps: () => [
        {
            content: "Staff see that the customer has the order page open",
            trigger: ".o_form_view .o_portal_presence:contains('Customer online now')",
        },
        {
            content: "The order shows its portal views",
            trigger: ".o_form_view button[name=action_view_portal_visits]",
        },
    ],
});
