from . import test_cron, test_portal_access, test_upload
