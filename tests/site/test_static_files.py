"""Static files are served hashed, compressed and cached for a year (whitenoise)."""

import pytest
from django.core.management import call_command
from django.test import Client

MANIFEST_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


@pytest.fixture
def collected_static(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = MANIFEST_STORAGES
    call_command("collectstatic", interactive=False, verbosity=0)
    return tmp_path


def hashed_stylesheet(root):
    (css,) = [p for p in (root / "css").glob("site.*.css")]
    return css


def test_collectstatic_writes_hashed_gzip_and_brotli_copies(collected_static):
    css = hashed_stylesheet(collected_static)
    assert css.with_name(css.name + ".gz").exists()
    assert css.with_name(css.name + ".br").exists()


def test_stylesheet_stays_within_its_budget(collected_static):
    assert hashed_stylesheet(collected_static).stat().st_size <= 20 * 1024


@pytest.mark.django_db
def test_pages_link_the_hashed_stylesheet(collected_static):
    html = Client().get("/").content.decode()
    assert f"/static/css/{hashed_stylesheet(collected_static).name}" in html


def test_hashed_files_are_cached_for_a_year_and_sent_compressed(collected_static):
    url = f"/static/css/{hashed_stylesheet(collected_static).name}"
    client = Client()
    response = client.get(url, headers={"accept-encoding": "br, gzip"})
    b"".join(response.streaming_content)  # reading to the end closes the file
    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    assert "max-age=31536000" in response["Cache-Control"]
    assert "immutable" in response["Cache-Control"]
    gzip_response = client.get(url, headers={"accept-encoding": "gzip"})
    b"".join(gzip_response.streaming_content)
    assert gzip_response["Content-Encoding"] == "gzip"
