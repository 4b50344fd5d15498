from . import test_field_intervention
from . import test_portal
from . import test_reminders
from . import test_multi_company
from . import test_revoked_contacts
from . import test_tour
from . import test_i18n
from . import test_signed_security
