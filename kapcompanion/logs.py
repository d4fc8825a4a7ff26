"""Logging: warnings to the terminal, and a rotated log file under the data dir.

Log records never carry journal text: modules log ids, counts and paths only.

The desktop app opens its log file with a plain :class:`logging.FileHandler` and hands it
to a :class:`logging.handlers.RotatingFileHandler` once its window is on the screen
(:func:`rotate_file_log`): ``logging.handlers`` brings socket, pickle and queue with it,
13 ms of the start-up measured by ``benchmarks/bench_ui_startup.py``. Until then the file
only grows (by a few lines); the first line after the hand-over rotates it if it is full.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kapcompanion.paths import data_dir

log = logging.getLogger(__name__)

LOG_BYTES = 512 * 1024
LOG_BACKUPS = 3


class _Printable(logging.Formatter):
    """Terminal log lines with control characters escaped.

    Logged practice or pack text (a title with an ESC sequence) must never drive the terminal.
    """

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        if text.replace("\n", "").isprintable():
            return text
        return "".join(
            c if c == "\n" or c.isprintable() or c == " " else f"\\u{ord(c):04x}" for c in text
        )


FILE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _StartFile(logging.FileHandler):
    """The log file while the app starts, before :func:`rotate_file_log` hands it over."""


def setup_logging(
    *, to_file: bool = True, level: int = logging.INFO, rotate_later: bool = False
) -> None:
    """Configure the root logger once; a data dir that cannot be written is tolerated.

    With ``rotate_later`` (the desktop app) the file is rotated from when
    :func:`rotate_file_log` is called; until then it is appended to.
    """
    root = logging.getLogger()
    if getattr(root, "_kapcompanion", False):
        return
    root.setLevel(level)
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(_Printable("%(levelname)s: %(message)s"))
    root.addHandler(console)
    if to_file:
        try:
            folder = data_dir() / "logs"
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / "kapcompanion.log"
            handler = _StartFile(path, encoding="utf-8") if rotate_later else _rotating(path)
            handler.setFormatter(logging.Formatter(FILE_FORMAT))
            root.addHandler(handler)
        except OSError as exc:
            log.warning(
                "cannot write logs under %s (%s); logging to the terminal only",
                data_dir(),
                exc.strerror or exc,
            )
    root._kapcompanion = True  # type: ignore[attr-defined]


def _rotating(path: Path) -> logging.Handler:
    import logging.handlers

    return logging.handlers.RotatingFileHandler(
        path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
    )


def rotate_file_log() -> None:
    """Hand the start-up log file to a rotating handler (once; nothing to do otherwise)."""
    root = logging.getLogger()
    for handler in root.handlers[:]:
        if isinstance(handler, _StartFile):
            try:
                rotating = _rotating(Path(handler.baseFilename))
            except OSError as exc:  # the folder went away: keep appending as before
                log.warning("cannot rotate the log file (%s)", exc.strerror or exc)
                return
            rotating.setFormatter(handler.formatter)
            rotating.setLevel(handler.level)
            root.addHandler(rotating)
            root.removeHandler(handler)
            handler.close()
