from . import (
    test_chat_rate_heartbeat,
    test_file_kinds,
    test_order_events,
    test_order_page_access,
    test_presence_chat,
    test_reminder_hardening,
    test_reminders,
    test_reserved_area_events,
    test_sales_only_statistics,
    test_translations,
    test_upload_checks,
)
