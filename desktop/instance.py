"""One Briefsmith per user: a second launch hands its files to the running one.

The first instance listens on a local socket (QLocalServer) named after the user's settings
file, so that separate homes (and the tests' temporary ones) never meet. A later launch sends
its arguments there and exits; the running window comes to the front and opens the project or
imports the files.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
TIMEOUT_MS = 3000


def server_name(settings: QSettings) -> str:
    key = hashlib.sha1(settings.fileName().encode()).hexdigest()[:16]
    return f"briefsmith-{key}"


def hand_over(name: str, paths: list[Path]) -> bool:
    """Send `paths` to a running instance; True if one took them."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    message = json.dumps({"paths": [str(p.resolve()) for p in paths]}).encode() + b"\n"
    socket.write(message)
    if not socket.waitForBytesWritten(TIMEOUT_MS):
        return False
    taken = socket.waitForReadyRead(TIMEOUT_MS) and bytes(socket.readAll().data()).startswith(b"ok")
    socket.disconnectFromServer()
    return taken


def _answers(name: str) -> bool:
    probe = QLocalSocket()
    probe.connectToServer(name)
    alive = probe.waitForConnected(500)
    probe.abort()
    return alive


class InstanceServer(QObject):
    """Listens for later launches; `received` carries their paths (possibly none)."""

    received = Signal(list)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        # A name that answers belongs to a launch that won a race with us: it keeps it (Qt
        # would otherwise put our socket in its place). One that does not answer was left
        # behind by an instance that crashed, and is taken over.
        if _answers(name):
            log.warning("another Briefsmith already listens for later launches")
        else:
            QLocalServer.removeServer(name)
            if not self.server.listen(name):
                log.warning("cannot listen for later launches: %s", self.server.errorString())
        self.server.newConnection.connect(self._connection)

    @Slot()
    def _connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(self._read)
            socket.disconnected.connect(socket.deleteLater)

    @Slot()
    def _read(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket) or not socket.canReadLine():
            return
        try:
            payload = json.loads(bytes(socket.readLine().data()).decode())
            paths = [Path(p) for p in payload.get("paths", []) if isinstance(p, str)]
        except (ValueError, UnicodeDecodeError, AttributeError):
            log.warning("a later launch sent something unreadable")
            return
        socket.write(b"ok\n")
        socket.flush()
        log.info("a later launch handed over %d path(s)", len(paths))
        self.received.emit(paths)
