from . import sale_order_send_staff_wizard
from . import sale_order_reminder_wizard
