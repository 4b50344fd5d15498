from . import res_company
from . import res_config_settings
from . import res_partner
from . import customer_contract
from . import customer_contract_line
from . import customer_contract_acceptance
from . import account_move
from . import sale_order
