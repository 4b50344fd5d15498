{
    "name": "Customer Contracts and Expiry",
    "summary": "Customer contracts with e-mail signature, expiry alerts, acceptance report and invoicing",
    "version": "19.0.1.0.0",
    "category": "Sales",
    "license": "LGPL-3",
    "author": "Service Suite Contributors",
    "development_status": "Alpha",
    "depends": ["customer_portal_events"],
}
