import { registry } from "@web/core/registry";
import tourUtils from "@sale/js/tours/tour_utils";

registry.category("web_tour.tours").add("crm_orders_ext_lead_to_invoice", {
    steps: () => [
        {
            content: "One click from the opportunity to a new offer",
            trigger: ".o_form_view button[name=action_crm_create_offer]",
            run: "click",
        },
        {
            content: "The offer is made for the company created from the lead",
            trigger: ".o_field_widget[name=partner_id] input:value(Tour Impianti)",
        },
        ...tourUtils.addProduct("Tour maintenance"),
        {
            content: "The line gets the product's price",
            trigger: ".o_field_widget[name=order_line] .o_data_row [name=price_subtotal]:contains(80)",
        },
        {
            content: "One click to confirm the order",
            trigger: ".o_statusbar_buttons button[name=action_confirm]",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Sales Order)",
        },
        {
            content: "One click to invoice it",
            trigger: ".o_statusbar_buttons button[name=action_create_draft_invoice]",
            run: "click",
        },
        {
            content: "The draft invoice of the order is open",
            trigger: ".o_form_view .o_field_widget[name=invoice_line_ids] td:contains(Tour maintenance)",
        },
    ],
});
