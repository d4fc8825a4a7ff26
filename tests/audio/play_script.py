"""Run ``play_in_terminal`` in a child process (env such as SDL_AUDIODRIVER set by the parent).

Usage: python -m tests.audio.play_script '{"bells": [0.3, 0.9], "sound": "/x.wav", ...}'
Prints a JSON line ``{"rc": ..., "wall": ..., "player": ...}`` on stderr at the end.
"""

from __future__ import annotations

import json
import sys
import time

from kapcompanion.cli import terminal_player as terminal
from kapcompanion.core.model import ReflectStep
from tests.audio.fixtures import bells_at, practice


def main() -> int:
    spec = json.loads(sys.argv[1])
    p = bells_at(spec["bells"], sound=spec["sound"], end=spec.get("end", 0.5))
    if spec.get("gate"):
        p = practice([*p.steps[:1], ReflectStep(prompt="What do you notice?"), *p.steps[1:]])
    t0 = time.monotonic()
    rc = terminal.play_in_terminal(p, sound=not spec.get("silent", False))
    wall = time.monotonic() - t0
    print(json.dumps({"rc": rc, "wall": wall}), file=sys.stderr)
    return rc


if __name__ == "__main__":
    sys.exit(main())
