import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("customer_portal_events_order_events", {
    steps: () => [
        {
            content: "The order page shows the events section",
            trigger: "#order_events .o_order_events_form textarea[name=message]",
            run: "edit Hello from the customer <b>bold?</b>",
        },
        {
            content: "Send the message: live, without reloading",
            trigger: "#order_events .o_order_events_send",
            run: "click",
        },
        {
            content: "The message is listed, escaped",
            trigger: "#order_events .o_order_event_body:contains('Hello from the customer <b>bold?</b>')",
        },
        {
            content: "Write a message with a file",
            trigger: "#order_events .o_order_events_form textarea[name=message]",
            run: "edit Here is the plan",
        },
        {
            content: "Attach a file",
            trigger: "#order_events input[type=file]",
            run() {
                const transfer = new DataTransfer();
                transfer.items.add(new File(["site plan"], "plan.txt", { type: "text/plain" }));
                this.anchor.files = transfer.files;
            },
        },
        {
            content: "Pick the kind of the file",
            trigger: "#order_events select[name=file_kind_id]",
            run: "selectByLabel Drawings",
        },
        {
            content: "Send the message with its file",
            trigger: "#order_events .o_order_events_send",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The file is listed as a download",
            trigger: "#order_events a.o_order_event_file:contains('plan.txt')",
        },
        {
            content: "The file is listed under its kind",
            trigger: "#order_files .o_order_files_group:has(.o_order_files_kind:contains('Drawings')) a.o_order_file_link:contains('plan.txt')",
        },
    ],
});
