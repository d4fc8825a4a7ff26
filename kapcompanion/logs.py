"""Logging: warnings to the terminal, and a rotated log file under the data dir.

Log records never carry journal text: modules log ids, counts and paths only.
"""

from __future__ import annotations

import logging
import logging.handlers

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


def setup_logging(*, to_file: bool = True, level: int = logging.INFO) -> None:
    """Configure the root logger once; a data dir that cannot be written is tolerated."""
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
            handler = logging.handlers.RotatingFileHandler(
                folder / "kapcompanion.log",
                maxBytes=LOG_BYTES,
                backupCount=LOG_BACKUPS,
                encoding="utf-8",
            )
            handler.setFormatter(
                logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
            )
            root.addHandler(handler)
        except OSError as exc:
            log.warning(
                "cannot write logs under %s (%s); logging to the terminal only",
                data_dir(),
                exc.strerror or exc,
            )
    root._kapcompanion = True  # type: ignore[attr-defined]
