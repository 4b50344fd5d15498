from . import res_config_settings
from . import res_partner
from . import res_users
from . import signed_document_mixin
from . import signed_document_line_mixin
