{
    "name": "Customer Portal Events",
    "summary": "Live order page: events, files, presence, chat, visit statistics; personal reminders",
    "version": "19.0.1.0.0",
    "category": "Website/Portal",
    "license": "LGPL-3",
    "author": "Service Suite Contributors",
    "website": "https://github.com/service-suite/service-suite",
    "maintainers": ["service-suite-portal"],
    "development_status": "Alpha",
    "depends": ["customer_portal_base", "sale", "bus"],
    "data": [
        "security/ir.model.access.csv",
        "security/ir_rules.xml",
        "data/mail_message_subtype_data.xml",
        "data/mail_template_data.xml",
        "data/ir_cron_data.xml",
        "data/file_kind_data.xml",
        "views/file_kind_views.xml",
        "views/ir_attachment_views.xml",
        "views/sale_order_views.xml",
        "views/sale_order_visit_views.xml",
        "views/portal_templates.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/sale_order_demo.xml",
    ],
    "assets": {
        "web.assets_frontend": [
            "customer_portal_events/static/src/interactions/**/*",
        ],
        "web.assets_backend": [
            "customer_portal_events/static/src/components/**/*",
        ],
        "web.assets_tests": [
            "customer_portal_events/static/tests/tours/**/*",
        ],
    },
}
