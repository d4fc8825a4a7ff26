"""One app at a time: a second launch brings the first window forward instead.

Two windows would open the journal twice and fight over the sound device. The first app
holds a lock file in the data dir (``QLockFile``: it notices a lock left by a crashed app
from its process id). A second launch that finds the lock taken leaves a small request
file beside it and exits; the first app watches the folder and, on a request, raises its
window (and hears which file, if any, the second launch was asked to open).

No sockets are involved: nothing here can reach a network, or be reached from one.
"""

from __future__ import annotations

import json
import logging
import os
import time
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, Signal

log = logging.getLogger(__name__)

LOCK_NAME = "app.lock"
REQUEST_NAME = "raise-request.json"


class SingleInstance(QObject):
    """The lock that makes this app the only one, and the watch for later launches."""

    #: A later launch asked to be shown; carries the arguments it was given.
    requested = Signal(list)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.lock = QLockFile(str(folder / LOCK_NAME))
        self.lock.setStaleLockTime(0)  # stale only when its process is gone
        self._watcher: QFileSystemWatcher | None = None

    def acquire(self) -> bool:
        """Take the lock; False when another app holds it.

        A folder that cannot be written counts as "no other app": the app still opens (the
        journal will say what is wrong with the folder).
        """
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("no single-instance lock (%s)", exc)
            return True
        if self.lock.tryLock(200):
            self._watch()
            return True
        if self.lock.error() != QLockFile.LockError.LockFailedError:
            log.warning("no single-instance lock (error %s)", self.lock.error())
            return True
        return False

    def release(self) -> None:
        """Let the next launch be the app."""
        if self.lock.isLocked():
            self.lock.unlock()

    def ask_first_to_show(self, args: list[str]) -> bool:
        """From a second launch: ask the running app to come forward; True if asked."""
        path = self.folder / REQUEST_NAME
        tmp = self.folder / f".{REQUEST_NAME}.{os.getpid()}"
        try:
            tmp.write_text(json.dumps({"args": args, "at": time.time()}), encoding="utf-8")
            os.replace(tmp, path)
        except OSError as exc:
            log.warning("could not ask the running app to show (%s)", exc)
            return False
        return True

    def _watch(self) -> None:
        self._watcher = QFileSystemWatcher([str(self.folder)], self)
        self._watcher.directoryChanged.connect(self._check)
        self._check()  # a request left before this app took over is old: drop it

    def _check(self, *_args: object) -> None:
        path = self.folder / REQUEST_NAME
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            path.unlink()
        except FileNotFoundError:
            return
        except (OSError, ValueError) as exc:
            log.info("unreadable raise request (%s)", exc)
            path.unlink(missing_ok=True)
            return
        if time.time() - float(data.get("at", 0)) > 30:
            return
        args = [str(a) for a in data.get("args", []) if isinstance(a, str)]
        log.info("another launch asked to show the window")
        self.requested.emit(args)
