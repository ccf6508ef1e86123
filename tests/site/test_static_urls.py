"""Pages link the hashed static files; working out their URLs costs a page nothing after the first time."""

import pytest
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.templatetags.static import static
from django.test import override_settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

OUR_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "permitsite.storage.StaticFilesStorage"},
}


@pytest.fixture(scope="module")
def collected_once(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root, STORAGES=OUR_STORAGES):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def collected(settings, collected_once):
    settings.STATIC_ROOT = collected_once
    settings.STORAGES = OUR_STORAGES
    return collected_once


def test_urls_are_the_hashed_names_whitenoise_serves(collected):
    url = static("css/site.css")
    (hashed,) = (collected / "css").glob("site.*.css")
    assert url == f"/static/css/{hashed.name}"
    assert (collected / "css" / (hashed.name + ".br")).exists()


def test_each_url_is_worked_out_once(collected, monkeypatch):
    calls = []
    original = CompressedManifestStaticFilesStorage.url

    def counting_url(self, name, force=False):
        calls.append(name)
        return original(self, name, force)

    monkeypatch.setattr(CompressedManifestStaticFilesStorage, "url", counting_url)
    first = static("img/share.png")
    assert [static("img/share.png") for _ in range(3)] == [first] * 3
    assert calls == ["img/share.png"]


def test_with_debug_on_the_unhashed_name_is_linked_not_a_remembered_one(collected, settings):
    hashed = static("css/site.css")
    settings.DEBUG = True
    assert staticfiles_storage.url("css/site.css") == "/static/css/site.css"
    settings.DEBUG = False
    assert staticfiles_storage.url("css/site.css") == hashed


def test_a_file_missing_from_the_manifest_is_still_an_error(collected):
    with pytest.raises(ValueError, match="Missing staticfiles manifest entry"):
        static("css/no-such-file.css")
