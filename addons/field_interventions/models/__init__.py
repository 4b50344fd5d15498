from . import field_site_mixin
from . import field_plant
from . import field_intervention
from . import field_intervention_line
from . import field_check
from . import res_partner
from . import res_config_settings
