from . import account_payment_register
from . import payment_statistics_dashboard
