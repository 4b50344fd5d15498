from . import test_fatturapa_payment_method
