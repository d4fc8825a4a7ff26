"""Turns the lock on, for the kill test: prints what enabling reported when done.

Usage: python locker.py JOURNAL_PATH PASSPHRASE
"""

from __future__ import annotations

import sys
from pathlib import Path

from kapcompanion.journal.store import JournalStore


def main() -> None:
    store = JournalStore.open(Path(sys.argv[1]))
    print(store.enable_lock(sys.argv[2]), flush=True)
    store.close()


if __name__ == "__main__":
    main()
