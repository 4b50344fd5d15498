import { registry } from "@web/core/registry";
import { signOnTheSpotSteps } from "@field_interventions/../tests/tours/field_intervention_sign_on_site";

// The technician's day on a phone (390 x 844, data from test_tour.py): today's list, start, report,
// a material, done, signed on the spot.
registry.category("web_tour.tours").add("field_intervention_phone_day", {
    steps: () => [
        {
            content: "today's intervention at Alfa, alone in the day's cards",
            trigger: ".o_kanban_view .o_kanban_record:contains(Alfa Impianti):not(:contains(Beta))",
            run: "click",
        },
        {
            content: "start the work: the first button, not hidden in the menu",
            trigger: ".o_form_view .o_statusbar_buttons > button[name=action_start]",
            run: "click",
        },
        {
            content: "the intervention is in progress",
            trigger: ".o_form_view .o_statusbar_buttons > button[name=action_done]",
        },
        {
            content: "write the report",
            trigger: ".o_field_widget[name=report] .odoo-editor-editable",
            run: "editor Replaced the ignition electrode, combustion checked.",
        },
        {
            content: "open the materials",
            trigger: ".o_notebook .nav-link:contains(Materials and hours)",
            run: "click",
        },
        {
            content: "add a line",
            trigger: ".o_field_widget[name=line_ids] .o_field_x2many_list_row_add a, .o_field_widget[name=line_ids] .o-kanban-button-new",
            run: "click",
        },
        {
            content: "describe the material",
            trigger: ".o_field_widget[name=line_ids] .o_data_row .o_field_widget[name=name] input, .modal .o_field_widget[name=name] input",
            run: "edit Ignition electrode",
        },
        {
            content: "save the intervention",
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {
            content: "saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "the work is done",
            trigger: ".o_form_view .o_statusbar_buttons > button[name=action_done]",
            run: "click",
        },
        {
            content: "sign on the spot: the first button now",
            trigger: ".o_form_view .o_statusbar_buttons > button[name=action_sign_on_site]",
            run: "click",
        },
        ...signOnTheSpotSteps("ignition electrode"),
        {
            content: "the intervention is signed",
            trigger: ".o_form_view .o_statusbar_status:contains(Signed)",
        },
    ],
});
