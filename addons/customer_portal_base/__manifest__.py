{
    "name": "Customer Portal Base",
    "summary": "Reserved-area access per contact, signed documents, safe portal uploads and downloads",
    "version": "19.0.1.0.0",
    "category": "Website/Portal",
    "license": "LGPL-3",
    "author": "Service Suite Contributors",
    "website": "https://github.com/service-suite/service-suite",
    "maintainers": ["service-suite-portal"],
    "development_status": "Alpha",
    "depends": ["portal", "base_setup"],
    "data": [
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/portal_templates.xml",
    ],
    "demo": ["demo/res_partner_demo.xml"],
}
