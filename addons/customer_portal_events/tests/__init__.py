from . import (
    test_file_kinds,
    test_order_events,
    test_order_page_access,
    test_portal_access,
    test_presence_chat,
    test_reminders,
    test_translations,
)
