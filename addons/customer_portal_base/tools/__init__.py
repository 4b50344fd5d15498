from . import cron, download, upload
