"""A journal writer for the kill test: saves entries in a loop, printing each id after commit.

Usage: python writer.py JOURNAL_PATH TAG [PASSPHRASE]
"""

from __future__ import annotations

import sys
from pathlib import Path

from kapcompanion.journal.store import JournalStore


def main() -> None:
    path, tag = Path(sys.argv[1]), sys.argv[2]
    passphrase = sys.argv[3] if len(sys.argv) > 3 else None
    store = JournalStore.open(path, passphrase=passphrase)
    i = 0
    while True:
        text = f"{tag}-{i}"
        if i % 3 == 2:
            entry_id = store.record_answer("landing", i, "grounded_after", "check_in", i % 11)
            text = f"score:{i % 11}"
        else:
            entry_id = store.add_note(text)
        # Printed only after the commit returned: anything printed must survive.
        print(f"{entry_id} {text}", flush=True)
        i += 1


if __name__ == "__main__":
    main()
