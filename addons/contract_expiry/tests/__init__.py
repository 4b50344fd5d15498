from . import test_billing
from . import test_contract
from . import test_expiry
from . import test_invoice_amounts
from . import test_portal
