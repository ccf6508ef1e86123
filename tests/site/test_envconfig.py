from pathlib import Path

import pytest

from permitsite.envconfig import (
    admin_path,
    cache_config,
    database_config,
    envbool,
    envlist,
    secret_key,
)


def test_envbool_reads_the_usual_words():
    assert envbool({"X": "1"}, "X") is True
    assert envbool({"X": "True"}, "X") is True
    assert envbool({"X": "off"}, "X", default=True) is False
    assert envbool({}, "X", default=True) is True


def test_envbool_refuses_a_typo_instead_of_guessing():
    with pytest.raises(ValueError, match="X"):
        envbool({"X": "ture"}, "X")


def test_envlist_splits_hosts_and_drops_blanks():
    assert envlist({"H": "example.com, www.example.com,"}, "H", []) == ["example.com", "www.example.com"]
    assert envlist({}, "H", ["127.0.0.1"]) == ["127.0.0.1"]


def test_sqlite_is_the_default_and_is_tuned_for_concurrent_writers(tmp_path):
    config = database_config(None, tmp_path)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == tmp_path / "db.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert config["OPTIONS"]["timeout"] >= 5
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    # Connections are kept between requests: reopening costs more than most pages (docs/benchmarks.md).
    assert config["CONN_MAX_AGE"] > 0
    assert config["CONN_HEALTH_CHECKS"] is True


def test_database_url_switches_to_postgresql_with_timeouts_and_health_checks(tmp_path):
    config = database_config("postgres://app:secret@db.internal:5433/permits", tmp_path)
    # Django's backend, with every wait on the server watched (permitsite/dbguard.py).
    assert config["ENGINE"] == "permitsite.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 5433, "permits")
    assert (config["USER"], config["PASSWORD"]) == ("app", "secret")
    assert config["CONN_MAX_AGE"] == 600
    assert config["CONN_HEALTH_CHECKS"] is True
    options = config["OPTIONS"]
    assert options["connect_timeout"] == 2
    assert options["options"] == "-c statement_timeout=5s"
    assert (options["keepalives"], options["keepalives_idle"], options["tcp_user_timeout"]) == (1, 10, 10000)


def test_timeouts_in_the_database_url_win(tmp_path):
    url = "postgres://app@db.internal/permits?connect_timeout=5&options=-c%20statement_timeout%3D30s"
    options = database_config(url, tmp_path)["OPTIONS"]
    assert options["connect_timeout"] == 5
    assert options["options"] == "-c statement_timeout=30s"


def test_redis_url_switches_the_cache_to_redis(tmp_path):
    config = cache_config("redis://127.0.0.1:6379/2", tmp_path)
    assert config["BACKEND"] == "permitsite.cache.BreakerRedisCache"
    assert config["OPTIONS"]["socket_timeout"] == 2
    assert config["OPTIONS"]["skip_after_timeout"] == 10
    assert config["LOCATION"] == "redis://127.0.0.1:6379/2"


def test_without_redis_the_cache_is_shared_on_disk_between_workers(tmp_path):
    config = cache_config(None, tmp_path)
    assert config["BACKEND"] == "django.core.cache.backends.filebased.FileBasedCache"
    assert Path(config["LOCATION"]).parent == tmp_path


def test_a_missing_secret_key_is_generated_once_and_kept(tmp_path):
    first = secret_key({}, tmp_path / "var")
    second = secret_key({}, tmp_path / "var")
    assert first == second
    assert len(first) >= 50
    assert (tmp_path / "var" / "secret_key").stat().st_mode & 0o077 == 0


def test_a_configured_secret_key_wins(tmp_path):
    assert secret_key({"DJANGO_SECRET_KEY": "k" * 60}, tmp_path) == "k" * 60
    assert not (tmp_path / "secret_key").exists()


def test_admin_path_is_normalised_and_validated():
    assert admin_path(None) == "admin/"
    assert admin_path("/backoffice/") == "backoffice/"
    with pytest.raises(ValueError):
        admin_path("https://evil.example/")
