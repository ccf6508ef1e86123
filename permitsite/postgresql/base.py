"""Django's PostgreSQL backend with every wait on the server under permitsite/dbguard.py's watchdog."""

from django.db import OperationalError
from django.db.backends.postgresql import base

from permitsite import dbguard


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.execute_wrappers.append(self._watched)

    def _watched(self, execute, sql, params, many, context):
        with dbguard.waiting(self):
            return execute(sql, params, many, context)

    def get_new_connection(self, conn_params):
        with dbguard.waiting(self):
            return super().get_new_connection(conn_params)

    def init_connection_state(self):
        with dbguard.waiting(self):
            super().init_connection_state()

    def is_usable(self):
        try:
            with dbguard.waiting(self):
                return super().is_usable()
        except OperationalError:
            return False

    def _commit(self):
        with dbguard.waiting(self):
            return super()._commit()

    def _rollback(self):
        with dbguard.waiting(self):
            return super()._rollback()
