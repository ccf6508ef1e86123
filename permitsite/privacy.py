"""The privacy policy's version. Bump both whenever templates/privacy.html changes in substance:
consents record the version the person agreed to."""

import datetime

POLICY_VERSION = "1.2"
POLICY_DATE = datetime.date(2026, 12, 2)
# The retention period the policy text states. The text is pinned by POLICY_VERSION, so it must not follow a
# setting: a system check (leads.E004) fails when settings.LEADS_RETENTION_DAYS differs from this.
LEADS_RETENTION_DAYS_STATED = 180
