from . import test_install, test_portal_access
