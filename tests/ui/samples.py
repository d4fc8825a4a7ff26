"""Practice files for the UI tests, parsed by the real loader."""

from __future__ import annotations

from pathlib import Path

from kapcompanion.core.loader import check_text
from kapcompanion.core.model import Practice

SIGH = """\
kapcompanion: 1
id: cyclic-sigh
title: Cyclic sigh
category: prepare
summary: A double inhale through the nose and a long, slow exhale, to settle.
description: |
  A gentle pattern: breathe in through the nose, top up with a little more, then let a long
  breath out through the mouth.
tags: [breath, calming]
evidence:
  level: moderate
  sources: ["Balban et al. 2023, Cell Reports Medicine, doi:10.1016/j.xcrm.2022.100895"]
safety: Breathe gently. If you feel dizzy, return to your natural breath.
steps:
  - say: Find a comfortable seat. You can open your eyes at any time.
    duration: 10s
  - breathe:
      inhale: [3, 1]
      exhale: 6
      cycles: 3
  - silence: 10s
    prompt: Rest with whatever is here.
"""

BOX = """\
kapcompanion: 1
id: box-4
title: Box breathing
category: anytime
summary: Even sides — in, hold, out, hold.
tags: [breath, focus]
evidence:
  level: moderate
steps:
  - breathe:
      inhale: 4
      hold: 4
      exhale: 4
      hold_out: 4
      cycles: 19
"""

INTENTION = """\
kapcompanion: 1
id: intention-setting
title: Setting an intention
category: prepare
summary: A few quiet minutes to find what you'd like to bring to your session.
tags: [writing, intention]
steps:
  - say: Let yourself arrive. There's no hurry.
    duration: 8s
  - reflect:
      prompt: What intention are you bringing to your session?
      save_as: intention
  - say: "Hold it lightly: {intention}"
    duration: 6s
  - check_in:
      question: How settled do you feel right now?
      save_as: settled
      labels: [not at all, completely]
  - checklist:
      title: Before you leave home
      items: [Ride home arranged, Light meal eaten, Phone on silent]
  - reflect:
      prompt: "Looking at your intention ({intention}), what would help you keep it?"
  - silence: 5s
    prompt: Rest here a moment.
"""

GROUND = """\
kapcompanion: 1
id: feet-and-hands
title: Feet and hands
category: anytime
summary: Weight in the feet and seat, then the hands — a simple way to land.
tags: [grounding]
steps:
  - say: Feel the weight of your feet on the floor.
    duration: 60s
  - say: Let your hands rest on your thighs or your chest.
    duration: 60s
"""

LONG = """\
kapcompanion: 1
id: coherent
title: Coherent breathing
category: integrate
summary: Slow, even breathing for about ten minutes.
tags: [breath, calming]
evidence:
  level: emerging
  sources: ["Lehrer & Gevirtz 2014", "Fincham et al. 2023"]
steps:
  - breathe:
      inhale: 5.5
      exhale: 5.5
      cycles: 55
"""

ALL = {
    "cyclic-sigh": SIGH,
    "box-4": BOX,
    "intention-setting": INTENTION,
    "feet-and-hands": GROUND,
    "coherent": LONG,
}


def practice(text: str, name: str = "sample.yaml") -> Practice:
    """Parse one sample through the real loader."""
    item, diags = check_text(text, name, Path(name))
    assert isinstance(item, Practice), diags
    return item


def library() -> dict[str, Practice]:
    """All samples by id."""
    return {k: practice(v, f"{k}.yaml") for k, v in ALL.items()}


LATER = """\
kapcompanion: 1
id: after-session
title: After your session
category: integrate
summary: Looking back at what you hoped for.
uses: [intention]
steps:
  - say: "You came in with this intention: {intention}"
    duration: 5s
  - reflect:
      prompt: "How did {intention} show up today?"
"""
