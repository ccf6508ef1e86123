from django.contrib import admin

from calculator.admin import CheckedFilter
from permitsite.sourced import SOURCE_FIELDS, checked_label
from settle.models import SettleCondition


@admin.register(SettleCondition)
class SettleConditionAdmin(admin.ModelAdmin):
    list_display = ("label", "key", "years", "active", "verified")
    list_filter = ("active", CheckedFilter)
    search_fields = ("label", "explanation", "source")
    fieldsets = (
        (None, {"fields": ("key", "label", "explanation", "years", "active", "order")}),
        ("依据", {"fields": SOURCE_FIELDS}),
    )

    @admin.display(description="核对", ordering="verified_on")
    def verified(self, condition):
        return checked_label(condition.verified_on)

    def get_readonly_fields(self, request, obj=None):
        # The kind of a condition is what the code acts on: it is chosen once, when the row is seeded.
        return ("key",) if obj else ()

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
