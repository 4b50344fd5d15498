from . import customer_contract_paper_signature
from . import mail_compose_message
from . import customer_contract_renewal
