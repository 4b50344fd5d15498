import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("customer_portal_events_order_files", {
    steps: () => [
        {
            content: "Open the order's files",
            trigger: ".o_form_view button[name=action_view_order_files]",
            run: "click",
        },
        {
            content: "Unfold the files without a kind",
            trigger: ".o_list_view .o_group_header:contains('None')",
            run: "click",
        },
        {
            content: "Edit the kind of the file",
            trigger: ".o_data_row:has(td[name=name]:contains('site-plan.pdf')) td[name=file_kind_id]",
            run: "click",
        },
        {
            content: "Search the kind",
            trigger: ".o_data_row .o_field_widget[name=file_kind_id] input",
            run: "edit Draw",
        },
        {
            content: "Pick Drawings",
            trigger: "ul.ui-autocomplete a:contains(Drawings)",
            run: "click",
        },
        {
            content: "Save the line",
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "The kind is saved",
            trigger: ".o_list_view .o_data_row:not(.o_selected_row) td[name=file_kind_id]:contains(Drawings)",
        },
    ],
});
