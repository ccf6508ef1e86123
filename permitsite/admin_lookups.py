"""Admin URL filters limited to the ones the admin offers.

Django's default ModelAdmin.lookup_allowed accepts any lookup on a model's own fields, so a staff member
who sees numbers masked could still type ``?phone__startswith=139`` into the address bar and, halving the
range each time, recover every hidden digit. With this mixin a query-string filter may only name a field
the admin offers as a filter (list_filter, date_hierarchy); anything else on a real field is refused
(Django answers 400), and parameters that are not fields (a SimpleListFilter's own) behave as before.
"""

from django.contrib.admin.filters import SimpleListFilter
from django.core.exceptions import FieldDoesNotExist
from django.db.models.constants import LOOKUP_SEP


class OfferedFiltersOnly:
    def offered_filter_fields(self, request):
        """The first field of every filter this admin shows (a list filter's field, the date hierarchy)."""
        offered = set()
        if self.date_hierarchy:
            offered.add(self.date_hierarchy.split(LOOKUP_SEP)[0])
        for item in self.get_list_filter(request):
            if isinstance(item, type) and issubclass(item, SimpleListFilter):
                continue  # its parameter is not a field; Django hands it to the filter, not the queryset
            name = item[0] if isinstance(item, (list, tuple)) else item
            if isinstance(name, str):
                offered.add(name.split(LOOKUP_SEP)[0])
        return offered

    def lookup_allowed(self, lookup, value, request):
        first = lookup.split(LOOKUP_SEP)[0]
        try:
            self.model._meta.get_field(first)
        except FieldDoesNotExist:
            return super().lookup_allowed(lookup, value, request)
        if first not in self.offered_filter_fields(request):
            return False
        return super().lookup_allowed(lookup, value, request)
