{
    "name": "Field Interventions",
    "summary": "Customer sites, plants, planned interventions, signed intervention reports",
    "version": "19.0.1.0.0",
    "category": "Services/Field Service",
    "license": "LGPL-3",
    "author": "Service Suite Contributors",
    "development_status": "Alpha",
    "depends": ["customer_portal_events"],
}
