{
    "name": "CRM to Orders",
    "summary": "Lead to offer to order to invoice in one click each, order card, bonuses and discounts",
    "version": "19.0.1.0.0",
    "category": "Sales/CRM",
    "license": "LGPL-3",
    "author": "Service Suite Contributors",
    "development_status": "Alpha",
    "depends": ["sale_crm", "hr_timesheet", "calendar"],
}
