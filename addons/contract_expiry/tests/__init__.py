from . import test_billing
from . import test_contract
from . import test_expiry
from . import test_invoice_amounts
from . import test_multi_company
from . import test_portal
from . import test_portal_security
from . import test_signed_security
