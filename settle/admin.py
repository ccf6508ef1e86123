from django.contrib import admin

from permitsite.admin_review import CheckedFilter, ShowsChecks
from permitsite.sourced import SOURCE_FIELDS
from settle.models import SettleCondition


@admin.register(SettleCondition)
class SettleConditionAdmin(ShowsChecks, admin.ModelAdmin):
    list_display = ("label", "key", "years", "active", "verified")
    list_filter = ("active", CheckedFilter)
    search_fields = ("label", "explanation", "source")
    fieldsets = (
        (None, {"fields": ("key", "label", "explanation", "years", "active", "order")}),
        ("依据", {"fields": SOURCE_FIELDS}),
    )

    def get_readonly_fields(self, request, obj=None):
        # The kind of a condition is what the code acts on: it is chosen once, when the row is seeded.
        return ("key",) if obj else ()

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
