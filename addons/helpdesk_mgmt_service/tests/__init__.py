from . import test_assistance
from . import test_counters
from . import test_portal
from . import test_ticket_links
