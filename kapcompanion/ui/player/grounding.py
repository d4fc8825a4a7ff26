"""The one-minute grounding offered after "I need to stop": feet, then hands."""

from __future__ import annotations

import logging

from kapcompanion.core.model import Practice, SayStep

log = logging.getLogger(__name__)

GROUNDING_ID = "grounding-minute"


def grounding_practice() -> Practice:
    """A 60-second landing: weight in the feet, hands resting, eyes on the room."""
    lines = (
        "Let the practice go. You can breathe however feels natural.",
        "Feel your feet on the floor. Press them down gently, and notice the ground holding you.",
        "Let your hands rest on your thighs or your chest. Notice their warmth and weight.",
        "Look around and name a few things you can see. There's no hurry.",
    )
    return Practice(
        id=GROUNDING_ID,
        title="A minute to land",
        category="anytime",
        summary="Feet on the floor, hands resting, eyes on the room.",
        steps=tuple(SayStep(text, 15.0) for text in lines),
        tags=("grounding",),
        author="KAP Companion",
    )
