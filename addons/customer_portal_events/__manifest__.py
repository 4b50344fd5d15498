{
    "name": "Customer Portal Events",
    "summary": "Portal users per customer, live order page, view statistics, reminders, signatures",
    "version": "19.0.1.0.0",
    "category": "Website/Portal",
    "license": "LGPL-3",
    "author": "Service Suite Contributors",
    "development_status": "Alpha",
    "depends": ["portal", "sale", "bus", "calendar"],
    "data": [
        "views/res_partner_views.xml",
    ],
}
