"""Where the app's library comes from: the one place in the UI that reads it from disk.

The main window owns the library it reads here (:meth:`MainWindow.reload_library`) and
announces each new reading with ``hub.library_changed``; the other parts of the app read
the practices and programs from the window instead of loading their own copy.
"""

from __future__ import annotations

import logging

from kapcompanion.core.library import Library
from kapcompanion.paths import data_folders

log = logging.getLogger(__name__)


def load_library() -> Library:
    """The person's library: built-in practices, packs and their own, in every language.

    An unreadable library gives an empty one (the window must open all the same); files
    left out are logged.
    """
    try:
        library = Library.load(data_folders())
    except Exception:  # the window must open even when the library cannot be read
        log.exception("cannot load the library")
        return Library()
    for problem in library.problems:
        log.warning("%s", problem)
    return library
