"""JSON endpoints under /api/v1/ (mounted by permitsite/urls.py)."""

urlpatterns = []
