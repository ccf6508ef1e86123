"""Edits of the school facts, or of the holiday calendar the deadlines are counted on, reach every
process on its next request."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from permitsite import stamps
from renewal.models import HolidayOverride, HolidayYear
from schooling.facts import SCHOOL_FACTS
from schooling.models import PointsProcessingTime, RegistrationWindow, RouteWithoutPoints, SchoolSystem

SCHOOL_MODELS = (SchoolSystem, PointsProcessingTime, RegistrationWindow, RouteWithoutPoints)


@receiver([post_save, post_delete])
def school_facts_changed(sender, **kwargs):
    if sender in SCHOOL_MODELS or sender in (HolidayOverride, HolidayYear):
        stamps.changed(SCHOOL_FACTS)
