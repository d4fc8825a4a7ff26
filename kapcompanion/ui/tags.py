"""The words shown for a practice's tags, in the app's language.

Tags in practice files are short English identifiers (``after-session``) that search and
filters use whatever the language. What a person reads is a label: the built-in tags have
labels that go through Qt's translation; a tag a therapist made up shows as written.
"""

from __future__ import annotations

import logging

from kapcompanion.ui.i18n import QT_TRANSLATE_NOOP, known_label

log = logging.getLogger(__name__)

#: Labels for the tags the built-in library uses (lupdate reads these for translation).
LABELS: dict[str, str] = {
    "acceptance": QT_TRANSLATE_NOOP("Tags", "acceptance"),
    "act": QT_TRANSLATE_NOOP("Tags", "ACT"),
    "after-session": QT_TRANSLATE_NOOP("Tags", "after a session"),
    "arriving": QT_TRANSLATE_NOOP("Tags", "arriving"),
    "awareness": QT_TRANSLATE_NOOP("Tags", "awareness"),
    "before-session": QT_TRANSLATE_NOOP("Tags", "before a session"),
    "body": QT_TRANSLATE_NOOP("Tags", "body"),
    "breath": QT_TRANSLATE_NOOP("Tags", "breath"),
    "calming": QT_TRANSLATE_NOOP("Tags", "calming"),
    "check-in": QT_TRANSLATE_NOOP("Tags", "check-in"),
    "comfort": QT_TRANSLATE_NOOP("Tags", "comfort"),
    "containment": QT_TRANSLATE_NOOP("Tags", "containment"),
    "exhale": QT_TRANSLATE_NOOP("Tags", "long exhale"),
    "eyes-open": QT_TRANSLATE_NOOP("Tags", "eyes open"),
    "focus": QT_TRANSLATE_NOOP("Tags", "focus"),
    "grounding": QT_TRANSLATE_NOOP("Tags", "grounding"),
    "holds": QT_TRANSLATE_NOOP("Tags", "breath holds"),
    "imagery": QT_TRANSLATE_NOOP("Tags", "imagery"),
    "integration": QT_TRANSLATE_NOOP("Tags", "integration"),
    "intention": QT_TRANSLATE_NOOP("Tags", "intention"),
    "journaling": QT_TRANSLATE_NOOP("Tags", "journaling"),
    "mindfulness": QT_TRANSLATE_NOOP("Tags", "mindfulness"),
    "notes": QT_TRANSLATE_NOOP("Tags", "notes"),
    "openness": QT_TRANSLATE_NOOP("Tags", "openness"),
    "orienting": QT_TRANSLATE_NOOP("Tags", "orienting"),
    "overwhelm": QT_TRANSLATE_NOOP("Tags", "overwhelm"),
    "planning": QT_TRANSLATE_NOOP("Tags", "planning"),
    "questionnaire": QT_TRANSLATE_NOOP("Tags", "questionnaire"),
    "reflection": QT_TRANSLATE_NOOP("Tags", "reflection"),
    "resource": QT_TRANSLATE_NOOP("Tags", "resource"),
    "self-paced": QT_TRANSLATE_NOOP("Tags", "at your own pace"),
    "senses": QT_TRANSLATE_NOOP("Tags", "senses"),
    "session-day": QT_TRANSLATE_NOOP("Tags", "session day"),
    "set-and-setting": QT_TRANSLATE_NOOP("Tags", "set and setting"),
    "short": QT_TRANSLATE_NOOP("Tags", "short"),
    "sleep": QT_TRANSLATE_NOOP("Tags", "sleep"),
    "slow": QT_TRANSLATE_NOOP("Tags", "slow"),
    "values": QT_TRANSLATE_NOOP("Tags", "values"),
    "weekly": QT_TRANSLATE_NOOP("Tags", "weekly"),
    "wellbeing": QT_TRANSLATE_NOOP("Tags", "wellbeing"),
    "writing": QT_TRANSLATE_NOOP("Tags", "writing"),
}


def tag_label(tag: str) -> str:
    """What a person reads for ``tag``: its translated label, or the tag as written."""
    return known_label("Tags", LABELS, tag, tag)


def tag_labels(tags: tuple[str, ...] | list[str]) -> list[str]:
    """Labels for ``tags``, in their order."""
    return [tag_label(t) for t in tags]
