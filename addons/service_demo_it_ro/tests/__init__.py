from . import test_contract_billing
from . import test_payment_statistics
from . import test_demo_helper
