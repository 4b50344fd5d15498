from . import crm_order_send_staff
from . import crm_order_reminder
