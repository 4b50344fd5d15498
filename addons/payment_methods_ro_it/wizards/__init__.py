from . import account_payment_register
from . import account_payment_statistics_dashboard
