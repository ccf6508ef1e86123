"""Admin sign-in lockout: django-axes' count per (username, address), plus one per address.

axes locks a username at one address after AXES_FAILURE_LIMIT failures. Someone trying many usernames
once each never reaches that, so failures from one address are also added up across usernames: by the
ADMIN_LOGIN_ADDRESS_FAILURE_LIMIT-th failure within AXES_COOLOFF_TIME the address is locked for every
username. A success resets only its own username's count, so one colleague signing in from the same
office network does not wipe out the evidence of someone else's guessing.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class AddressAwareLockout(AxesDatabaseHandler):
    def failures_from_address(self, request) -> int:
        recent = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address, attempt_time__gte=get_cool_off_threshold(request)
        )
        return recent.aggregate(total=Sum("failures_since_start"))["total"] or 0

    def get_failures(self, request, credentials=None) -> int:
        """The failures axes compares with AXES_FAILURE_LIMIT: the username's own, or the limit itself
        once the address as a whole has reached its own limit."""
        failures = super().get_failures(request, credentials)
        if self.failures_from_address(request) >= settings.ADMIN_LOGIN_ADDRESS_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures
