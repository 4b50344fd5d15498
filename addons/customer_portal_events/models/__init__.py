from . import file_kind
from . import ir_attachment
from . import mail_message
from . import sale_order
from . import sale_order_visit
from . import portal_reminder
from . import ir_websocket
