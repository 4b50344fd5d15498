import { registry } from "@web/core/registry";

// From Payments due: the envelope of an invoice's line opens the reminder form; set when, save.
registry.category("web_tour.tours").add("payment_methods_ro_it_schedule_reminder", {
    steps: () => [
        {
            content: "Click the envelope of the invoice's line",
            trigger: ".o_list_view tr.o_data_row:contains('Acme Servicii SRL') button[name='action_schedule_reminder']",
            run: "click",
        },
        {
            content: "Choose when to send the reminder",
            trigger: ".modal .o_field_widget[name='scheduled_at'] input",
            run: "edit 01/15/2099 09:30:00",
        },
        {
            content: "The amount due is shown",
            trigger: ".modal .o_field_widget[name='amount_due']:contains('321.00')",
        },
        {
            content: "Save the reminder",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
    ],
});
