import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_orders_ext_portal_request", {
    url: "/my/orders",
    steps: () => [
        {
            content: "Start an order from the customer's orders",
            trigger: "a.o_portal_request_link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Pick an orderable product",
            trigger: ".o_portal_request_form tbody tr:first-child select[name=product_id]",
            run: "selectByLabel Tour boiler check",
        },
        {
            content: "How many",
            trigger: ".o_portal_request_form tbody tr:first-child input[name=quantity]",
            run: "edit 0",
        },
        {
            content: "Describe the need",
            trigger: ".o_portal_request_form textarea[name=text]",
            run: "edit Please come on Monday morning",
        },
        {
            content: "Send the request",
            trigger: ".o_portal_request_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "A quantity of zero is refused and the form keeps what was typed",
            trigger: ".o_portal_request_error:contains(greater than zero)",
        },
        {
            trigger: ".o_portal_request_form textarea[name=text]:value(Please come on Monday morning)",
        },
        {
            content: "Fix the quantity",
            trigger: ".o_portal_request_form tbody tr:first-child input[name=quantity]",
            run: "edit 2",
        },
        {
            trigger: ".o_portal_request_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request is now a quotation on the customer's order page",
            trigger: ".alert-success:contains(We received your request)",
        },
        {
            trigger: "#portal_sale_content:contains(Tour boiler check)",
        },
    ],
});
