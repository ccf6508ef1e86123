"""The privacy policy's version. Bump both whenever templates/privacy.html changes in substance:
consents record the version the person agreed to."""

import datetime

POLICY_VERSION = "1.0"
POLICY_DATE = datetime.date(2026, 11, 27)
