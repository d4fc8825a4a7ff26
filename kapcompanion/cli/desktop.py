"""``--install-desktop-entry`` / ``--remove-desktop-entry``: say what was done."""

from __future__ import annotations

import logging
import sys

from kapcompanion.desktop import data_home, install_desktop_entry, remove_desktop_entry

log = logging.getLogger(__name__)


def install_cli(remove: bool = False) -> int:
    """Add KAP Companion to the applications menu (or take it out); 0 done, 1 with why not."""
    try:
        if remove:
            gone = remove_desktop_entry()
            print(f"Removed {len(gone)} files." if gone else "Nothing to remove.")
        else:
            files = install_desktop_entry()
            print(f"KAP Companion is in your applications menu ({files[0]}).")
    except OSError as exc:
        where = exc.filename or data_home()
        print(
            f"kapcompanion: could not write {where} ({exc.strerror or exc}). "
            "Check that the folder exists and is yours, or set XDG_DATA_HOME.",
            file=sys.stderr,
        )
        return 1
    return 0
