"""Project-wide pytest rules: a skipped test is a failure here.

pytest-odoo skips HttpCase without --odoo-http, and Odoo skips browser tours when Chromium or
websocket-client is missing: a green run full of skips would prove nothing.
"""

import pytest


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped and session.exitstatus == 0:
        reporter.write_line(f"FAILED: {len(skipped)} test(s) skipped; the suite allows none.", red=True)
        for rep in skipped[:20]:
            reporter.write_line(f"  skipped: {rep.nodeid} ({rep.longrepr[-1] if rep.longrepr else ''})")
        session.exitstatus = 1
