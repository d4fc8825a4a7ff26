"""Durations as therapists write them: ``20``, ``7.5``, ``90s``, ``1m30s``, ``5m``, ``1h``."""

from __future__ import annotations

import functools
import math
import re

_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(h|m|s)")
_WHOLE = re.compile(r"^\s*(?:\d+(?:\.\d+)?\s*[hms]\s*)+$")
_UNITS = {"h": 3600.0, "m": 60.0, "s": 1.0}
#: ``m:ss`` or ``h:mm:ss``; the later parts below 60 (a clock's reading).
_CLOCK = re.compile(r"^\d+(?::[0-5]\d){1,2}(?:\.\d+)?$")


#: The longest any duration may be (a whole practice may last 4 hours at most).
MAX_SECONDS = 4 * 3600.0
TOO_LONG = "too long: at most 4 hours"


class DurationError(ValueError):
    """A duration that cannot be understood; the message says why."""


def parse_duration(value: object) -> float:
    """Return ``value`` in seconds, or raise :class:`DurationError`.

    Numbers are seconds. Strings may be a plain number or combine ``h``, ``m`` and ``s``
    parts in that order (``1h``, ``5m``, ``90s``, ``1m30s``). Booleans are refused.
    """
    if isinstance(value, bool):
        raise DurationError("a duration must be a number of seconds or text like 90s or 1m30s")
    if isinstance(value, int) and value > MAX_SECONDS:
        raise DurationError(TOO_LONG)  # checked before float(): 1 and 400 zeros overflows it
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str):
        seconds = _seconds_of(value.strip().lower())
    else:
        raise DurationError("a duration must be a number of seconds or text like 90s or 1m30s")
    if math.isnan(seconds) or (math.isinf(seconds) and not isinstance(value, str)):
        raise DurationError("a duration must be a finite number of seconds")
    if seconds > MAX_SECONDS:
        raise DurationError(TOO_LONG)
    return seconds


@functools.lru_cache(maxsize=4096)
def _seconds_of(text: str) -> float:
    """Seconds in ``text``.

    Remembered: a practice repeats the same few durations, and the editor checks the whole
    practice again after every pause in typing.
    """
    try:
        return float(text)
    except ValueError:
        return _parse_units(text)


def _parse_units(text: str) -> float:
    if len(text) > 64:  # no real duration is this long; and the pattern below is quadratic
        if text[:1].isdigit():
            raise DurationError(TOO_LONG)
        raise DurationError("that is not a duration; write e.g. 20, 90s, 1m30s, 5m or 1h")
    if ":" in text:
        return _clock(text)
    if not _WHOLE.match(text):
        raise DurationError(f'"{text}" is not a duration; write e.g. 20, 90s, 1m30s, 5m or 1h')
    units = [u for _, u in _PART.findall(text)]
    order = "hms"
    if len(set(units)) != len(units) or units != sorted(units, key=order.index):
        raise DurationError(
            f'"{text}" repeats or reorders units; write hours, then minutes, then seconds'
        )
    return sum(float(n) * _UNITS[u] for n, u in _PART.findall(text))


def _clock(text: str) -> float:
    """``m:ss`` or ``h:mm:ss`` (as unquoted YAML reads ``2:30``: 150 seconds)."""
    if not _CLOCK.match(text):
        raise DurationError(
            f'"{text}" is not a duration; write minutes:seconds like 2:30, or 2m30s'
        )
    total = 0.0
    for part in text.split(":"):
        total = total * 60 + float(part)
    return total


def format_duration(seconds: float) -> str:
    """Short human form: ``45 s``, ``3:20``, ``1:05:00``."""
    total = round(seconds)
    if total < 60:
        return f"{total} s"
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
