"""What every bench of the suite shares: the quiet context, printing, timing with the query count."""

import sys
import time

# No tracking, no log messages: a bench measures the code path, not the chatter.
CONTEXT = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}


def out(line=""):
    sys.stdout.write(line + "\n")


def timed(cr, func):
    """Seconds and SQL queries one call of ``func`` costs."""
    queries, start = cr.sql_log_count, time.perf_counter()
    func()
    return time.perf_counter() - start, cr.sql_log_count - queries
