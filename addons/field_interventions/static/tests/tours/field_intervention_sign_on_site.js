import { registry } from "@web/core/registry";

// The customer reads the report in the sign dialog and signs with his name: the same on a tablet and on a
// phone (each tour then checks the signed state its own way: a phone's status bar shows only the current one).
export function signOnTheSpotSteps(report) {
    return [
        {
            content: "the customer reads the report",
            trigger: `.modal .o_field_widget[name=report]:contains(${report})`,
        },
        {
            content: "type the signer's name",
            trigger: ".modal .o_field_widget[name=signer_name] input",
            run: "edit Carla Cliente",
        },
        {
            content: "open the signature pad",
            trigger: ".modal .o_field_widget[name=signature] .o_signature_empty",
            run: "click",
        },
        {
            content: "the signature is drawn from the name",
            trigger: ".modal canvas.o_web_sign_signature",
            run: "canvasNotEmpty",
        },
        {
            content: "adopt the signature",
            trigger: ".modal footer button.btn-primary:contains(Adopt)",
            run: "click",
        },
        {
            content: "the signature is in the wizard",
            trigger: ".modal .o_field_widget[name=signature] img.o_signature",
        },
        {
            content: "sign",
            trigger: ".modal button[name=action_sign]",
            run: "click",
        },
    ];
}

// The technician has the customer sign the report on the tablet (data from test_tour.py).
registry.category("web_tour.tours").add("field_intervention_sign_on_site", {
    steps: () => [
        {
            content: "open the intervention of Alfa in the Done column",
            trigger: ".o_kanban_group:contains(Done) .o_kanban_record:contains(Alfa Impianti)",
            run: "click",
        },
        {
            content: "sign on the spot",
            trigger: ".o_form_view button[name=action_sign_on_site]",
            run: "click",
        },
        ...signOnTheSpotSteps("Boiler cleaned"),
        {
            content: "the intervention is signed",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current:contains(Signed)",
        },
    ],
});
