import { registry } from "@web/core/registry";

// Opens the contract from the e-mail link (data prepared by the Python test) and signs it.
registry.category("web_tour.tours").add("contract_expiry_sign_from_email", {
    steps: () => [
        {
            content: "The contract page shows the contract",
            trigger: ".o_portal_contract h3:contains(Heating maintenance)",
        },
        {
            content: "Open the signature dialog",
            trigger: "a.o_contract_sign",
            run: "click",
        },
        {
            content: "Type the signer's name",
            trigger: ".modal .o_web_sign_name_and_signature input",
            run: "edit Mario Rossi",
        },
        {
            content: "The signature is drawn from the name",
            trigger: ".modal canvas.o_web_sign_signature",
            run: "canvasNotEmpty",
        },
        {
            content: "Sign",
            trigger: ".modal .o_portal_sign_submit:enabled",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The page confirms the signature",
            trigger: ".o_portal_contract .alert-success",
        },
        {
            content: "The contract shows who signed",
            trigger: ".o_portal_contract .alert-info:contains(Mario Rossi)",
        },
    ],
});
