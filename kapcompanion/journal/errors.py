"""Errors the journal can meet that a person can act on; each message is meant to be read."""

from __future__ import annotations

import logging

from kapcompanion.core.errors import KapError

log = logging.getLogger(__name__)


class JournalError(KapError):
    """Base of every journal problem a person can see."""


class JournalUnavailable(JournalError):  # noqa: N818 - names fixed by the contract
    """The journal cannot be opened or written (folder not writable, disk full)."""


class JournalLocked(JournalError):  # noqa: N818 - names fixed by the contract
    """The journal is locked with a passphrase and none was given."""


class WrongPassphrase(JournalError):  # noqa: N818 - names fixed by the contract
    """The passphrase given does not open the journal."""


class JournalTooNew(JournalError):  # noqa: N818 - names fixed by the contract
    """The journal file was written by a newer version of the app."""


class BackupError(JournalError):
    """A backup file cannot be written or restored."""


class ExportError(JournalError):
    """An export cannot be made as asked (dates, session, output path)."""


class JournalDamagedLocked(JournalError):  # noqa: N818 - named like its siblings
    """The locked journal is damaged and no copy could replace it.

    Nothing new is started until the person asks (``JournalStore.start_new``), so a
    locked journal never comes back silently unlocked. ``kept`` is the damaged file.
    """

    def __init__(self, message: str, kept: object = None) -> None:
        super().__init__(message)
        self.kept = kept
