"""The bundle's entry point: what ``kapcompanion`` runs inside the PyInstaller build.

It is the same entry point as the pip install's ``kapcompanion`` script
(``kapcompanion.cli:main``). ``freeze_support`` lets the editor's checking helper process
(multiprocessing, "spawn") start from the frozen executable.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from kapcompanion.cli import main

    sys.exit(main())
