import contextlib
import time

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.core.management.color import no_style
from django.db import connections
from django.dispatch import receiver
from django.test.signals import setting_changed

from leads import captchas
from permitsite import stamps
from renewal import view_counts


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, plus a snapshot of what the data migrations stored in it (seed guides, the
    default ruleset, groups), taken before any transactional test's flush can remove those rows."""
    with django_db_blocker.unblock():
        return connections["default"].creation.serialize_db_to_string()


@pytest.fixture(scope="session")
def migrated_rows(django_db_setup):
    return django_db_setup


@pytest.fixture
def seeded_transactional_db(transactional_db, migrated_rows):
    """A database whose writes really commit (for servers in other threads or processes), holding
    the data migrations' rows again: an earlier transactional test's flush removed them."""
    from django.core.management import call_command

    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection = connections["default"]
    connection.creation.deserialize_db_from_string(migrated_rows)
    # The rows came back with their ids; PostgreSQL's sequences must move past them for the next insert.
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)


@pytest.fixture(autouse=True)
def fresh_cache():
    """Every test starts with an empty shared cache (rulesets, rate limits, sessions) and no page kept from
    another test."""
    cache.clear()
    caches["pages"].clear()
    yield
    cache.clear()
    caches["pages"].clear()
    stamps.forget_pending()  # a stamp a failing cache refused in this test is not written in the next one


@pytest.fixture(autouse=True)
def guide_views(monkeypatch):
    """This test's own guide view counter: views counted by another test never reach its database."""
    counter = view_counts.ViewCounter()
    monkeypatch.setattr(view_counts, "guide_views", counter)
    return counter


@pytest.fixture(autouse=True)
def captcha_reserve(monkeypatch):
    """This test's own CAPTCHA batch: keys another test wrote (and its flush removed) are never handed out."""
    monkeypatch.setattr(captchas, "reserve", captchas.Reserve())


@receiver(setting_changed)
def pages_start_afresh(**kwargs):
    """A test that changes a setting stands for a restart with another environment, which starts with an
    empty per-process page cache (permitsite/shared_pages.py)."""
    if "pages" in settings.CACHES:  # a test may replace CACHES with only the shared cache
        caches["pages"].clear()


@pytest.fixture
def unreachable_database(django_db_blocker):
    with database_unreachable(django_db_blocker):
        yield


@contextlib.contextmanager
def database_unreachable(django_db_blocker):
    """Point this thread's default connection at a database that cannot be reached.

    A real failure, not a mock: SQLite gets a path that cannot be opened, PostgreSQL a closed port.
    """
    original = connections["default"]
    broken_settings = dict(original.settings_dict)
    if original.vendor == "sqlite":
        broken_settings["NAME"] = "/nonexistent-directory/db.sqlite3"
    else:
        broken_settings["HOST"], broken_settings["PORT"] = "127.0.0.1", "9"
    broken = original.__class__(broken_settings, "default")
    with django_db_blocker.unblock():
        connections["default"] = broken
        try:
            yield
        finally:
            broken.close()
            connections["default"] = original


# Staff roles, as administrators set them up (docs/admin.md). Each gets a signed-in client below.
STAFF_PASSWORD = "correct horse battery staple 42"


def _staff(django_user_model, username, groups=(), permissions=()):
    from django.contrib.auth.models import Group, Permission

    user = django_user_model.objects.create_user(username, password=STAFF_PASSWORD, is_staff=True)
    user.groups.add(*Group.objects.filter(name__in=groups))
    user.user_permissions.add(*Permission.objects.filter(codename__in=permissions))
    return user


@pytest.fixture
def editor(db, django_user_model):
    """编辑: rules, guides and holidays; no leads."""
    return _staff(django_user_model, "bianji", groups=["编辑"])


@pytest.fixture
def consultant(db, django_user_model):
    """Works leads (view, change, 分配给我) but sees numbers masked."""
    return _staff(django_user_model, "kanke", permissions=["view_lead", "change_lead"])


@pytest.fixture
def consultant_with_reveal(db, django_user_model):
    """The 顾问 group: works leads and may reveal a full number (each reveal logged)."""
    return _staff(django_user_model, "xiaozhang", groups=["顾问"])


@pytest.fixture
def viewer(db, django_user_model):
    """May look at the lead list, masked, and change nothing."""
    return _staff(django_user_model, "jianli", permissions=["view_lead"])


@pytest.fixture
def frozen_clock(time_machine):
    """A clock that stands still at the start of a TOTP step: codes change every 30 s, and a test that
    signs in must know which one is current. `frozen_clock.shift(…)` moves it."""
    time_machine.move_to("2026-11-27 10:00:05+08:00", tick=False)
    return time_machine


def current_code(device) -> str:
    """What the staff member's authenticator app shows right now."""
    from django_otp.oath import totp

    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def wrong_code(device) -> str:
    return "000000" if current_code(device) != "000000" else "111111"


@pytest.fixture
def sign_in_admin(db):
    """`sign_in_admin(client, user)`: the session a password + code sign-in leaves (permitsite/admin_site.py),
    without typing either: a confirmed authenticator, the session verified with it, the code just confirmed.
    Returns the device. tests/site/test_admin_login.py signs in through the real form."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from permitsite.admin_site import ACTIVE_AT, CODE_CONFIRMED_AT

    def sign_in(client, user):
        device, _ = TOTPDevice.objects.get_or_create(user=user, defaults={"name": "手机", "confirmed": True})
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session[CODE_CONFIRMED_AT] = session[ACTIVE_AT] = time.time()
        session.save()
        return device

    return sign_in


@pytest.fixture
def admin_client(admin_user, sign_in_admin):
    """pytest-django's superuser client (a client of its own, not `client`), signed in with a verified
    device as every admin user must be."""
    from django.test import Client

    client = Client()
    sign_in_admin(client, admin_user)
    return client


@pytest.fixture
def editor_client(client, editor, sign_in_admin):
    sign_in_admin(client, editor)
    return client


@pytest.fixture
def consultant_client(client, consultant, sign_in_admin):
    sign_in_admin(client, consultant)
    return client


@pytest.fixture
def consultant_with_reveal_client(client, consultant_with_reveal, sign_in_admin):
    sign_in_admin(client, consultant_with_reveal)
    return client


@pytest.fixture
def viewer_client(client, viewer, sign_in_admin):
    sign_in_admin(client, viewer)
    return client


@pytest.fixture
def editor_client_at(client, editor, sign_in_admin, time_machine):
    """`editor_client_at("2026-12-03 12:00+08:00")`: editor_client with the clock standing at that moment, for
    what depends on the day (a check date may not be after today)."""

    def at(moment):
        time_machine.move_to(moment, tick=False)
        sign_in_admin(client, editor)  # after the move, so the session has not expired
        return client

    return at
