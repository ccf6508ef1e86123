"""Edits of the school facts, or of the holiday calendar the deadlines are counted on, reach every
process on its next request."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from permitsite import stamps
from renewal.models import HolidayOverride, HolidayYear
from schooling.facts import SCHOOL_FACTS
from schooling.models import PointsProcessingTime, RegistrationWindow, RouteWithoutPoints, SchoolSystem

SAVED_OR_DELETED = [post_save, post_delete]


@receiver(SAVED_OR_DELETED, sender=SchoolSystem)
@receiver(SAVED_OR_DELETED, sender=PointsProcessingTime)
@receiver(SAVED_OR_DELETED, sender=RegistrationWindow)
@receiver(SAVED_OR_DELETED, sender=RouteWithoutPoints)
@receiver(SAVED_OR_DELETED, sender=HolidayOverride)
@receiver(SAVED_OR_DELETED, sender=HolidayYear)
def school_facts_changed(sender, **kwargs):
    stamps.changed(SCHOOL_FACTS)
