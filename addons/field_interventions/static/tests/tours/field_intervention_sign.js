import { registry } from "@web/core/registry";

// The customer opens the link of the "ask for signature" e-mail and signs (data from test_tour.py).
registry.category("web_tour.tours").add("field_intervention_sign", {
    steps: () => [
        {
            content: "the report is on the page",
            trigger: ".o_intervention_report:contains(Boiler cleaned)",
        },
        {
            content: "open the signature dialog",
            trigger: "a.o_intervention_sign",
            run: "click",
        },
        {
            content: "type the signer's name",
            trigger: ".modal .o_web_sign_name_and_signature input",
            run: "edit Anna Alfa",
        },
        {
            content: "the signature is drawn from the name",
            trigger: ".modal canvas.o_web_sign_signature",
            run: "canvasNotEmpty",
        },
        {
            content: "sign",
            trigger: ".modal .o_portal_sign_submit:enabled",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "the page says the report is signed",
            trigger: ".alert-success:contains(the report is signed)",
        },
        {
            content: "the signature and the signed PDF are shown",
            trigger: ".o_intervention_signature:contains(Anna Alfa)",
        },
        {
            trigger: "a.o_intervention_signed_pdf",
        },
    ],
});
