from . import res_partner
from . import signed_document_mixin
from . import sale_order
from . import sale_order_visit
from . import portal_reminder
from . import res_config_settings
from . import ir_websocket
