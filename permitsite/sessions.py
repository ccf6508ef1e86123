"""Sessions recorded in the database and kept in the shared cache only to be read faster.

The database row is the record: every save writes it, so a session outlives a cache outage, a cache that
is restarted empty or flushed, and Redis being stopped mid-session. The cache copy is a shortcut for reads:
while the cache cannot be reached, reads and writes go to the database alone and the visitor notices
nothing. Django's `cached_db` store already writes the row first; this one also survives the cache failing
on reads, existence checks and deletes, where `cached_db` raises.

A copy is cached for `CACHED_FOR` at most, not for the session's whole life: if the cache kept its data
through an outage (a network split rather than a restart), it may hold a copy older than the row, and that
copy must not be read back for long. Each copy also carries the session's expiry, checked on every read,
so an expired session is never served from a cache whose own clock has not caught up with ours.
"""

import logging

from django.contrib.sessions.backends import cached_db
from django.utils import timezone

logger = logging.getLogger(__name__)

CACHED_FOR = 5 * 60


class SessionStore(cached_db.SessionStore):
    cache_key_prefix = "permitsite.session:"

    def _cache_call(self, operation, *args, fallback=None):
        try:
            return operation(*args)
        except Exception as error:  # whatever the cache backend raises (redis.ConnectionError, OSError, …)
            logger.warning("shared cache unavailable, session kept in the database: %s", type(error).__name__)
            return fallback

    def _cache_copy(self, data, expires):
        lifetime = max(0, min(int((expires - timezone.now()).total_seconds()), CACHED_FOR))
        self._cache_call(self._cache.set, self.cache_key, {"data": data, "expires": expires}, lifetime)

    def load(self):
        copy = self._cache_call(self._cache.get, self.cache_key)
        if copy is not None and copy["expires"] > timezone.now():
            return copy["data"]
        row = self._get_session_from_db()
        if row is None:
            return {}
        data = self.decode(row.session_data)
        self._cache_copy(data, row.expire_date)
        return data

    def exists(self, session_key):
        if not session_key:
            return False
        in_cache = self._cache_call(self._cache.has_key, self.cache_key_prefix + session_key, fallback=False)
        return in_cache or super(cached_db.SessionStore, self).exists(session_key)

    def save(self, must_create=False):
        super(cached_db.SessionStore, self).save(must_create)
        self._cache_copy(self._session, self.get_expiry_date())

    def delete(self, session_key=None):
        super(cached_db.SessionStore, self).delete(session_key)
        session_key = session_key or self.session_key
        if session_key is not None:
            self._cache_call(self._cache.delete, self.cache_key_prefix + session_key)
