{
    "name": "Payment Methods (Romania, Italy)",
    "summary": "Payment methods and banks per customer, four ways to cash in, reminders, statistics",
    "version": "19.0.1.0.0",
    "category": "Accounting/Accounting",
    "license": "LGPL-3",
    "author": "Service Suite Contributors",
    "development_status": "Alpha",
    "depends": ["account", "payment", "contacts"],
}
