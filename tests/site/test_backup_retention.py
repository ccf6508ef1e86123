"""`manage.py backup_db` keeps its backups as long as /privacy/ says, and not a day longer."""

import os
import time

import pytest
from django.core.management import call_command

from permitsite.privacy import BACKUP_RETENTION_DAYS_STATED

DAY = 86400


def aged(path, days):
    path.write_bytes(b"old backup")
    then = time.time() - days * DAY
    os.utime(path, (then, then))
    return path


# A backup reads the database from outside the test's transaction, so these tests commit.
@pytest.mark.django_db(transaction=True)
def test_a_nightly_backup_deletes_the_backups_older_than_the_privacy_notice_says(settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    backups = tmp_path / "backups"
    backups.mkdir()
    expired = [
        aged(backups / "db-20261001-030000.sqlite3", BACKUP_RETENTION_DAYS_STATED + 1),
        aged(backups / "db-20261002-030000.dump", 40),
    ]
    kept = [
        aged(backups / "db-20261105-030000.sqlite3", BACKUP_RETENTION_DAYS_STATED - 1),
        aged(backups / "notes.txt", 90),  # not a backup of ours
    ]

    call_command("backup_db")

    assert BACKUP_RETENTION_DAYS_STATED == 30
    assert not any(path.exists() for path in expired)
    assert all(path.exists() for path in kept)
    assert len(list(backups.glob("db-*"))) == 2  # the day-29 one and tonight's
    assert "已删除 2 份超过 30 天的备份" in capsys.readouterr().out


@pytest.mark.django_db(transaction=True)
def test_a_backup_written_elsewhere_leaves_the_backups_folder_alone(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    (tmp_path / "backups").mkdir()
    old = aged(tmp_path / "backups" / "db-20261001-030000.sqlite3", 31)

    call_command("backup_db", output=tmp_path / "elsewhere" / "copy.sqlite3")

    assert old.exists()


@pytest.mark.django_db
def test_the_privacy_notice_states_the_backup_period(client):
    text = client.get("/privacy/").content.decode()
    assert f"每份备份保存 {BACKUP_RETENTION_DAYS_STATED} 天后删除" in text
    assert f"最多 {BACKUP_RETENTION_DAYS_STATED} 天" in text
