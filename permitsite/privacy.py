"""The privacy policy's version and the periods it states. Bump POLICY_VERSION and POLICY_DATE whenever
templates/privacy.html (or a section it includes) changes in substance: consents record the version the
person agreed to."""

import datetime

POLICY_VERSION = "1.5"
POLICY_DATE = datetime.date(2026, 12, 3)
# The retention period the policy text states. The text is pinned by POLICY_VERSION, so it must not follow a
# setting: a system check (leads.E004) fails when settings.LEADS_RETENTION_DAYS differs from this.
LEADS_RETENTION_DAYS_STATED = 180
# Stored self-test results, and so their share links: `manage.py purge_results` deletes them after this.
RESULTS_RETENTION_DAYS_STATED = 365
# The web server's access log: at least six months (网络安全法 第二十一条), at most this (docs/deploy.md).
ACCESS_LOG_MAX_DAYS_STATED = 200
# Nightly database backups: `manage.py backup_db` deletes its own backups older than this (docs/deploy.md).
BACKUP_RETENTION_DAYS_STATED = 30
