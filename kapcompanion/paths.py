"""Where user data lives: one data dir, chosen by flag, environment or platform default."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import platformdirs

from kapcompanion.core.folders import DataFolders

log = logging.getLogger(__name__)

ENV_VAR = "KAPCOMPANION_DATA_DIR"
_override: Path | None = None


def set_data_dir(path: str | os.PathLike[str] | None) -> None:
    """Use ``path`` as the data dir for the rest of this process (``--data-dir``)."""
    global _override
    _override = Path(path).expanduser() if path else None


def data_dir() -> Path:
    """Return the data dir: ``--data-dir``, else ``$KAPCOMPANION_DATA_DIR``, else the platform's."""
    if _override is not None:
        return _override
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("kapcompanion", appauthor=False))


def user_practices_dir() -> Path:
    """Return the folder of the user's own practices (not created here)."""
    return data_dir() / "practices"


def packs_dir() -> Path:
    """Return the folder where imported packs are unpacked (not created here)."""
    return data_dir() / "packs"


def data_folders() -> DataFolders:
    """Return the folders of the data dir in use; only the command line and the app call this."""
    return DataFolders(data_dir())
