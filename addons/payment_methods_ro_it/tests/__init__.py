from . import test_collection
from . import test_access
from . import test_cash_receipt
from . import test_receipt_concurrency
from . import test_receipt_lock
from . import test_card_portal
from . import test_reminders
from . import test_statistics
