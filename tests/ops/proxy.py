"""A TCP proxy that can stop forwarding, to freeze a database the way SIGSTOP on its server would.

While frozen it neither accepts new connections nor moves a byte on existing ones; the kernel still
completes handshakes (the listen backlog) and acknowledges what clients send, exactly as for a stopped
server process. Nothing is dropped: on thaw, everything waiting flows on. The shared PostgreSQL itself
is never touched.
"""

import contextlib
import selectors
import socket
import threading

from tests.ops.servers import free_port


class FreezingProxy:
    def __init__(self, upstream: tuple[str, int]):
        self.upstream = upstream
        self.port = free_port()
        self._running = threading.Event()
        self._running.set()
        self._stopped = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", self.port), backlog=128)
        self._listener.setblocking(False)
        self._selector = selectors.DefaultSelector()
        self._selector.register(self._listener, selectors.EVENT_READ, None)
        self._thread = threading.Thread(target=self._run, name="freezing-proxy", daemon=True)
        self._thread.start()

    def freeze(self):
        self._running.clear()

    def thaw(self):
        self._running.set()

    def close(self):
        self._stopped.set()
        self._running.set()
        self._thread.join(timeout=5)
        for key in list(self._selector.get_map().values()):
            key.fileobj.close()
        self._selector.close()

    def _run(self):
        while not self._stopped.is_set():
            if not self._running.wait(timeout=0.1):
                continue
            for key, _ in self._selector.select(timeout=0.1):
                if not self._running.is_set():
                    break  # frozen in the middle of a round: leave the rest where it is
                if key.data is None:
                    self._accept()
                else:
                    self._forward(key.fileobj, key.data)

    def _accept(self):
        try:
            client, _ = self._listener.accept()
        except BlockingIOError:
            return
        server = socket.create_connection(self.upstream)
        for sock in (client, server):
            sock.setblocking(True)
        self._selector.register(client, selectors.EVENT_READ, server)
        self._selector.register(server, selectors.EVENT_READ, client)

    def _forward(self, source, destination):
        try:
            data = source.recv(65536)
            if data:
                destination.sendall(data)
                return
        except OSError:
            pass
        for sock in (source, destination):
            with contextlib.suppress(KeyError, ValueError):
                self._selector.unregister(sock)
            sock.close()


@contextlib.contextmanager
def freezing_proxy(upstream):
    proxy = FreezingProxy(upstream)
    try:
        yield proxy
    finally:
        proxy.close()
