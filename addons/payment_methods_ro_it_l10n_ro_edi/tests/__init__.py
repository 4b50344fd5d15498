from . import test_efactura_payment_means
