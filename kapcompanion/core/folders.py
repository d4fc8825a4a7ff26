"""The folders of one data dir, passed in by the top of the program (cli, app).

Core never looks up where user data lives: ``kapcompanion.paths.data_folders()`` (read by
the command line and the app only) makes one :class:`DataFolders`, and every core function
that reads or writes user files receives it, or one of its folders, as an argument.
Nothing here creates a folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DataFolders:
    """Where one person's data lives; every path derives from ``root``."""

    root: Path

    @property
    def practices(self) -> Path:
        """The person's own practice files."""
        return self.root / "practices"

    @property
    def packs(self) -> Path:
        """Imported packs, one folder each."""
        return self.root / "packs"

    @property
    def keys(self) -> Path:
        """The therapist's own signing keys."""
        return self.root / "keys"

    @property
    def trusted_keys(self) -> Path:
        """Fingerprints of signers the client has confirmed, with their names."""
        return self.root / "trusted_keys.json"

    @property
    def check_cache(self) -> Path:
        """The cache of checked practice files."""
        return self.root / "cache" / "checks.pickle"

    @property
    def cache(self) -> Path:
        """Caches that can be rebuilt at any time (checks, synthesised voice)."""
        return self.root / "cache"

    @property
    def journal(self) -> Path:
        """The journal database."""
        return self.root / "journal.sqlite3"

    @property
    def backups(self) -> Path:
        """Daily copies and safety copies of the journal."""
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        """Rotated logs (never journal text)."""
        return self.root / "logs"
