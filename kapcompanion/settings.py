"""The one typed settings object, stored as JSON in the data dir.

Importable without Qt. Every field has a default; the file carries a ``version`` and
older files are upgraded on load. A damaged or unreadable file never stops the app: the
defaults are used and the problem is logged (and kept aside as ``settings.json.bad``).
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import asdict, dataclass, field, fields, replace
from enum import Enum, StrEnum
from pathlib import Path
from typing import Any

from kapcompanion.core.reminders import ReminderPlan
from kapcompanion.paths import data_dir

log = logging.getLogger(__name__)

SETTINGS_VERSION = 2
FILE_NAME = "settings.json"

MAX_GET_READY = 30
#: The pace of the synthetic voice offered in Settings (1.0 is the voice's own).
MIN_VOICE_SPEED = 0.8
MAX_VOICE_SPEED = 1.2
DEFAULT_VOICE_NAME = "heart"

# The choices the person picks from. Each value is what the settings file stores; the
# words shown for each are in kapcompanion.ui.choice_labels (they need Qt's translation).


class Theme(StrEnum):
    """Light or dark, or as the desktop is."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class Language(StrEnum):
    """The interface's language: the desktop's, or one the app is offered in."""

    SYSTEM = "system"
    EN = "en"
    ES = "es"

    @classmethod
    def offered(cls) -> tuple[Language, ...]:
        """The languages the interface is offered in (English, the source, first)."""
        return tuple(lang for lang in cls if lang is not cls.SYSTEM)


class CueStyle(StrEnum):
    """How breath cues sound."""

    TONES = "tones"
    BELL = "bell"
    NONE = "none"


class Ambient(StrEnum):
    """The background sound: the practice's own, none, or one of the built-in beds.

    The beds are :data:`kapcompanion.core.model.AMBIENT_SOUNDS` (a test keeps them alike).
    """

    PRACTICE = "practice"
    NONE = "none"
    BROWN_NOISE = "brown-noise"
    RAIN = "rain"
    OCEAN = "ocean"
    DRONE = "drone"


class TextSize(float, Enum):
    """The text sizes offered, as a factor of the standard size, smallest first.

    Named in order (Small, Standard, Large, Larger, Largest); the stored value is the
    factor, so settings saved under the older names read the same size.
    """

    SMALL = 0.9
    STANDARD = 1.0
    LARGE = 1.15
    LARGER = 1.3
    LARGEST = 1.5


@dataclass(frozen=True, slots=True)
class HelpLine:
    """One entry of the person's own list of places to turn to."""

    name: str
    contact: str
    note: str = ""


#: The person's own lines start empty: the suggested lines come by country, from
#: kapcompanion.helplines (Get help now lists them, translated, before the person's own).
DEFAULT_HELP_LINES: tuple[HelpLine, ...] = ()

#: The suggested lines that older versions kept in the person's list (in English). A file
#: that still holds them loses them on load: the country's lines show them now.
FORMER_SUGGESTED_LINES: tuple[HelpLine, ...] = (
    HelpLine(
        "Local emergency number",
        "911 · 112 · 999 — whichever serves where you are",
        "If you or someone else is in danger right now.",
    ),
    HelpLine("988 Suicide & Crisis Lifeline", "988", "US and Canada — call or text."),
    HelpLine(
        "Find a helpline",
        "findahelpline.com",
        "Free, confidential helplines in your country.",
    ),
    HelpLine(
        "Fireside Project",
        "623-473-7433",
        "Psychedelic peer support — not a crisis line; limited hours.",
    ),
)


@dataclass(frozen=True, slots=True)
class ChannelVolumes:
    """Volumes per channel, each 0..1."""

    master: float = 0.8
    voice: float = 1.0
    cue: float = 0.7
    ambient: float = 0.5


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the person can choose. Immutable: change with :func:`dataclasses.replace`."""

    version: int = SETTINGS_VERSION
    volumes: ChannelVolumes = field(default_factory=ChannelVolumes)
    muted: bool = False
    ambient: Ambient = Ambient.PRACTICE
    cue_style: CueStyle = CueStyle.TONES
    read_aloud: bool = False
    get_ready_seconds: int = 5
    reduced_motion: bool = False
    text_scale: float = TextSize.STANDARD.value  # any factor between the smallest and largest
    theme: Theme = Theme.SYSTEM
    language: Language = Language.SYSTEM
    help_lines: tuple[HelpLine, ...] = DEFAULT_HELP_LINES
    #: The country whose help lines Get help now suggests ("US", "ES", ..., or
    #: "international"); "" follows the system's locale.
    help_country: str = ""
    clinic_name: str = ""
    clinic_number: str = ""
    #: Practice ids whose stop rules the person asked not to see again.
    rules_dismissed: tuple[str, ...] = ()
    window_geometry: str = ""  # base64 of QWidget.saveGeometry()
    last_view: str = "library"  # "library" | "practice:<id>"
    last_filter: str = ""
    #: Show "N days in a row" on Today and in History (off by default; never a guilt word).
    show_days_in_a_row: bool = False
    #: Reminders (off until the person turns them on).
    reminders: ReminderPlan = field(default_factory=ReminderPlan)
    #: The offline synthetic voice says each practice's words (English practices).
    voice_on: bool = True
    #: Its pace, 0.8–1.2 (1.0 is the voice's own).
    voice_speed: float = 1.0
    #: Which of the installed voices speaks.
    voice_name: str = DEFAULT_VOICE_NAME
    #: Breath phases named in words ("in", "hold", "out") on the first cycles of every
    #: practice (a practice can also ask for them itself).
    spoken_cues: bool = False
    #: Therapist mode: the tools for writing and sharing practices (New practice…, Edit
    #: practice…, Share with a client…) show in the More menu. Off by default: a client
    #: never meets them unless they turn it on in Settings → Practice.
    therapist_mode: bool = False

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        data = asdict(self)
        data["help_lines"] = [asdict(h) for h in self.help_lines]
        data["rules_dismissed"] = list(self.rules_dismissed)
        data["reminders"] = self.reminders.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        """Build settings from stored data: unknown keys ignored, bad values defaulted."""
        data = _upgrade(dict(data))
        default = cls()
        out: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data or f.name == "version":
                continue
            value = _coerce(f.name, data[f.name], getattr(default, f.name))
            if value is not None:
                out[f.name] = value
        return replace(default, **out)

    def rules_seen(self, practice_id: str) -> bool:
        """Whether the stop rules for ``practice_id`` were dismissed for good."""
        return practice_id in self.rules_dismissed


def _upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older settings dict up to :data:`SETTINGS_VERSION`."""
    version = data.get("version", 1)
    if not isinstance(version, int):
        version = 1
    if version < 2:
        # Version 1 kept one "volume" number and a "dark" flag.
        if isinstance(data.get("volume"), int | float):
            data["volumes"] = {"master": data.pop("volume")}
        if isinstance(data.get("dark"), bool):
            data["theme"] = "dark" if data.pop("dark") else "light"
    data["version"] = SETTINGS_VERSION
    return data


def _unit(x: Any) -> float | None:
    if isinstance(x, bool) or not isinstance(x, int | float):
        return None
    return min(1.0, max(0.0, float(x)))


def _coerce(name: str, value: Any, default: Any) -> Any:
    """Return ``value`` checked against the type of ``default``; None means use the default."""
    choices: dict[str, type[StrEnum]] = {
        "theme": Theme,
        "cue_style": CueStyle,
        "ambient": Ambient,
        "language": Language,
    }
    if name in choices:
        try:
            return choices[name](value)
        except ValueError:
            return None
    if name == "volumes":
        if not isinstance(value, dict):
            return None
        vals = {k: _unit(value.get(k)) for k in ("master", "voice", "cue", "ambient")}
        return ChannelVolumes(**{k: v for k, v in vals.items() if v is not None})
    if name == "help_lines":
        if not isinstance(value, list):
            return None
        lines = []
        for item in value:
            if isinstance(item, dict) and isinstance(item.get("name"), str):
                line = HelpLine(
                    item["name"], str(item.get("contact", "")), str(item.get("note", ""))
                )
                if line not in FORMER_SUGGESTED_LINES:  # shown by country now
                    lines.append(line)
        return tuple(lines)
    if name == "reminders":
        return ReminderPlan.from_dict(value)
    if name == "rules_dismissed":
        return tuple(str(x) for x in value) if isinstance(value, list) else None
    if name == "get_ready_seconds":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        return int(min(MAX_GET_READY, max(0, value)))
    if name == "voice_speed":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        return round(float(min(MAX_VOICE_SPEED, max(MIN_VOICE_SPEED, value))), 2)
    if name == "voice_name":
        return value if isinstance(value, str) and value.strip() else None
    if name == "text_scale":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return None
        sizes = [size.value for size in TextSize]
        return float(min(max(sizes), max(min(sizes), value)))
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, str):
        return value if isinstance(value, str) else None
    return None


class SettingsStore:
    """Reads and writes :class:`Settings` at one path (injectable for tests)."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path

    @property
    def path(self) -> Path:
        """The settings file (in the data dir unless a path was given)."""
        return self._path or data_dir() / FILE_NAME

    def load(self) -> Settings:
        """Read the settings; defaults when the file is missing or damaged."""
        path = self.path
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Settings()
        except OSError as exc:
            log.warning("cannot read settings %s (%s); using defaults", path, exc)
            return Settings()
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except ValueError as exc:
            log.warning("settings %s are damaged (%s); using defaults", path, exc)
            with contextlib.suppress(OSError):
                path.replace(path.with_name(path.name + ".bad"))
            return Settings()
        return Settings.from_dict(data)

    def save(self, settings: Settings) -> bool:
        """Write the settings atomically; returns False (and logs) when that fails."""
        path = self.path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + ".tmp")
            tmp.write_text(
                json.dumps(settings.to_dict(), indent=2, ensure_ascii=False), encoding="utf-8"
            )
            os.replace(tmp, path)
        except OSError as exc:
            log.warning("cannot save settings to %s (%s)", path, exc)
            with contextlib.suppress(OSError):
                path.with_name(path.name + ".tmp").unlink(missing_ok=True)
            return False
        return True
