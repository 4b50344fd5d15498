from . import test_billing
from . import test_billing_security
from . import test_billing_queries
from . import test_i18n
