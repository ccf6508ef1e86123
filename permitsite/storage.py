from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """whitenoise's hashed, compressed files, remembering each URL once worked out.

    The manifest is read once when the process starts and never changes while it runs, so neither
    can a URL. Working one out again on every `{% static %}` was a tenth of a page's time
    (docs/benchmarks.md).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._urls = {}

    def url(self, name, force=False):
        if force:
            return super().url(name, force=True)
        key = (name, settings.DEBUG)  # with DEBUG on, Django links the unhashed names
        try:
            return self._urls[key]
        except KeyError:
            url = self._urls[key] = super().url(name)
            return url
