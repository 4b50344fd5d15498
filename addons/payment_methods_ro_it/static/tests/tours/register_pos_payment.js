import { registry } from "@web/core/registry";

// From a posted invoice: Pay, choose the POS method, type the terminal's number, confirm,
// then find the number on the invoice's Collection tab.
registry.category("web_tour.tours").add("payment_methods_ro_it_register_pos", {
    steps: () => [
        {
            content: "Open the register payment wizard",
            trigger: ".o_form_view button[name='action_register_payment']",
            run: "click",
        },
        {
            content: "Choose the POS collection method",
            trigger: ".modal .o_field_widget[name='collection_method_id'] input",
            run: "edit POS",
        },
        {
            content: "Pick POS terminal",
            trigger: ".o-autocomplete--dropdown-item a:contains('POS terminal')",
            run: "click",
        },
        {
            content: "Type the terminal's transaction number",
            trigger: ".modal .o_field_widget[name='pos_transaction_ref'] input",
            run: "edit TOUR-42",
        },
        {
            content: "Create the payment",
            trigger: ".modal button[name='action_create_payments']",
            run: "click",
        },
        {
            content: "Open the Collection tab of the invoice",
            trigger: ".o_form_view .o_notebook a:contains('Collection')",
            run: "click",
        },
        {
            content: "The POS number is shown on the invoice",
            trigger: ".o_field_widget[name='matched_payment_ids'] td:contains('TOUR-42')",
        },
    ],
});
