{
    "name": "Payment Methods (Romania, Italy) - e-Factura",
    "summary": "The customer's agreed collection method as UBL payment means of the Romanian e-Factura",
    "version": "19.0.1.0.0",
    "category": "Accounting/Localizations/EDI",
    "license": "LGPL-3",
    "author": "Service Suite Contributors",
    "website": "https://github.com/service-suite/service-suite",
    "maintainers": ["service-suite-payments"],
    "development_status": "Alpha",
    "depends": ["payment_methods_ro_it", "l10n_ro_edi"],
    "data": ["views/account_collection_method_views.xml"],
    "auto_install": True,
}
