from . import helpdesk_ticket
from . import customer_contract
from . import field_intervention
from . import res_partner
from . import sale_order
