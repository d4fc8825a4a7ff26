"""Regenerate the bundled sounds, or check the committed ones.

    python -m kapcompanion.cli.sounds [--out DIR] [--check]

The sounds themselves are made by :mod:`kapcompanion.audio.synth`.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from kapcompanion.audio.synth import SOUND_NAMES, check, default_dir, write_all

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    """Command line: regenerate the bundled sounds, or check the committed ones."""
    parser = argparse.ArgumentParser(
        prog="python -m kapcompanion.cli.sounds", description="Regenerate the bundled sounds."
    )
    parser.add_argument("--out", type=Path, default=default_dir(), help="folder to write into")
    parser.add_argument(
        "--check",
        action="store_true",
        help="regenerate in a temporary folder and compare with --out",
    )
    args = parser.parse_args(argv)
    if args.out.exists() and not args.out.is_dir():
        print(
            f"--out {args.out} is a file, not a folder. "
            "Give a folder (it is created if missing) to hold the .ogg files.",
            file=sys.stderr,
        )
        return 2
    if args.check:
        differ = check(args.out)
        if differ:
            print(f"Some sounds in {args.out} differ from a fresh build:")
            for name, why in differ.items():
                print(f"  {name}.ogg: {why}")
            print("Run without --check to regenerate them.")
            return 1
        print(f"All {len(SOUND_NAMES)} sounds in {args.out} match a fresh build.")
        return 0
    try:
        written = write_all(args.out)
    except OSError as err:
        print(
            f"Could not write the sounds into {args.out}: {err.strerror or err}. "
            "Check the folder exists or can be created, and that you may write there.",
            file=sys.stderr,
        )
        return 2
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
