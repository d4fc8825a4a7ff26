"""Run ``play_in_terminal`` in a child process (env such as SDL_AUDIODRIVER set by the parent).

Usage: python -m tests.audio.play_script '{"bells": [0.3, 0.9], "sound": "/x.wav", ...}'
Prints a JSON line ``{"rc": ..., "wall": ..., "played": ...}`` on stderr at the end;
``played`` lists ``[cue time, position when the player started it]`` from the player's log.
"""

from __future__ import annotations

import json
import logging
import sys
import time

from kapcompanion.cli import terminal_player as terminal
from kapcompanion.core.model import ReflectStep
from tests.audio.fixtures import bells_at, practice


class Played(logging.Handler):
    """Collects the player's "cue ... played at ..." lines (their numbers, not their text)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.times: list[list[float]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg.startswith("cue ") and "played at" in record.msg and record.args:
            _, at, pos = record.args  # type: ignore[misc]
            self.times.append([float(at), float(pos)])


def main() -> int:
    played = Played()
    logger = logging.getLogger("kapcompanion.audio.pygame_player")
    logger.setLevel(logging.DEBUG)
    logger.addHandler(played)
    spec = json.loads(sys.argv[1])
    p = bells_at(spec["bells"], sound=spec["sound"], end=spec.get("end", 0.5))
    if spec.get("gate"):
        p = practice([*p.steps[:1], ReflectStep(prompt="What do you notice?"), *p.steps[1:]])
    t0 = time.monotonic()
    rc = terminal.play_in_terminal(p, sound=not spec.get("silent", False))
    wall = time.monotonic() - t0
    print(json.dumps({"rc": rc, "wall": wall, "played": played.times}), file=sys.stderr)
    return rc


if __name__ == "__main__":
    sys.exit(main())
