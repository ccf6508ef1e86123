from django.contrib import admin

from permitsite.admin_review import CheckedFilter, ShowsChecks, checked_cell
from permitsite.sourced import SOURCE_FIELDS
from schooling.models import PointsProcessingTime, RegistrationWindow, RouteWithoutPoints, SchoolSystem


class SingletonAdmin(admin.ModelAdmin):
    """One row that the seed migration creates: editors change it, nobody adds a second or deletes it."""

    def has_add_permission(self, request):
        return not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SchoolSystem)
class SchoolSystemAdmin(ShowsChecks, SingletonAdmin):
    # Two facts with a check date each, so two columns instead of ShowsChecks's one.
    list_display = ("__str__", "entry_checked", "stages_checked")
    fieldsets = (
        (
            "入学年龄",
            {
                "fields": (
                    ("entry_age", "cutoff_month", "cutoff_day"),
                    "entry_source",
                    "entry_source_url",
                    "entry_verified_on",
                )
            },
        ),
        (
            "学制",
            {
                "fields": (
                    ("primary_years", "junior_years"),
                    "stages_source",
                    "stages_source_url",
                    "stages_verified_on",
                )
            },
        ),
    )

    @admin.display(description="入学年龄核对", ordering="entry_verified_on")
    def entry_checked(self, system):
        return checked_cell(system.entry_verified_on)

    @admin.display(description="学制核对", ordering="stages_verified_on")
    def stages_checked(self, system):
        return checked_cell(system.stages_verified_on)


@admin.register(PointsProcessingTime)
class PointsProcessingTimeAdmin(ShowsChecks, SingletonAdmin):
    list_display = ("__str__", "verified")
    fields = ("working_days", *SOURCE_FIELDS)


@admin.register(RegistrationWindow)
class RegistrationWindowAdmin(ShowsChecks, admin.ModelAdmin):
    list_display = ("year", "opens", "closes", "late_until", "verified")
    list_filter = (CheckedFilter,)
    fields = ("year", ("opens", "closes", "late_until"), "note", *SOURCE_FIELDS)


@admin.register(RouteWithoutPoints)
class RouteWithoutPointsAdmin(ShowsChecks, admin.ModelAdmin):
    list_display = ("name", "active", "order", "verified")
    list_filter = (CheckedFilter,)
    list_editable = ("active", "order")
    fields = ("name", "who", "leads_to", "active", "order", *SOURCE_FIELDS)
