"""Typed reading of a parsed document, collecting every problem with its place."""

from __future__ import annotations

import difflib
import logging
import math
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from kapcompanion.core.durations import DurationError, parse_duration
from kapcompanion.core.errors import ERROR, WARNING, Diagnostic
from kapcompanion.core.visible import invisible_chars
from kapcompanion.core.yamlsafe import Document, Mark

log = logging.getLogger(__name__)

AUDIO_SUFFIXES = (".ogg", ".oga", ".wav", ".flac", ".mp3")


def suggest(word: str, choices: Iterable[str]) -> str:
    """A 'did you mean' hint, or empty."""
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f'did you mean "{close[0]}"?' if close else ""


def type_name(value: object) -> str:
    """How a YAML value reads to a person."""
    match value:
        case None:
            return "nothing"
        case bool():
            return "true/false"
        case int() | float():
            return "a number"
        case str():
            return "text"
        case list():
            return "a list"
        case dict():
            return "a mapping (key: value pairs)"
    return type(value).__name__


class Checker:
    """Reads values out of a :class:`Document`, recording a diagnostic for each problem."""

    def __init__(self, doc: Document, folder: Path | None) -> None:
        self.doc = doc
        self.folder = folder
        self.diagnostics: list[Diagnostic] = list(doc.problems)

    # -- reporting ---------------------------------------------------------------

    def report(self, mark: Mark, message: str, hint: str = "", severity: str = ERROR) -> None:
        """Record one problem at ``mark``."""
        self.diagnostics.append(
            Diagnostic(self.doc.path, mark[0], mark[1], severity, message, hint)
        )

    def error_at(self, container: Any, key: Any, message: str, hint: str = "") -> None:
        """Record an error at the value under ``key``."""
        self.report(self.doc.value_mark(container, key), message, hint)

    def warn_at(self, container: Any, key: Any, message: str, hint: str = "") -> None:
        """Record a warning at the value under ``key``."""
        self.report(self.doc.value_mark(container, key), message, hint, WARNING)

    @property
    def ok(self) -> bool:
        """Whether no error has been recorded."""
        return not any(d.is_error for d in self.diagnostics)

    # -- keys --------------------------------------------------------------------

    def check_keys(
        self, mapping: dict[str, Any], allowed: Iterable[str], required: Iterable[str], where: str
    ) -> None:
        """Report unknown keys (with a suggestion) and missing required keys."""
        allowed = tuple(allowed)
        for key in mapping:
            if key not in allowed:
                self.report(
                    self.doc.key_mark(mapping, key),
                    f'unknown key "{key}" in {where}',
                    suggest(key, allowed) or f"known keys: {', '.join(allowed)}",
                )
        for key in required:
            if key not in mapping:
                self.report(self.doc.container_mark(mapping), f'{where} needs "{key}"')

    # -- typed getters -------------------------------------------------------------

    def mapping(self, container: Any, key: Any, what: str) -> dict[str, Any] | None:
        """The mapping under ``key``, or None (reported)."""
        value = container[key]
        if isinstance(value, dict):
            return value
        self.error_at(
            container, key, f"{what} must be a mapping (key: value pairs), not {type_name(value)}"
        )
        return None

    def text(
        self, container: Any, key: Any, what: str, *, empty_ok: bool = False, default: str = ""
    ) -> str:
        """Text under ``key`` (numbers are accepted as text), or ``default``."""
        if isinstance(container, dict) and key not in container:
            return default
        value = container[key]
        if isinstance(value, str):
            if not value.strip() and not empty_ok:
                self.error_at(container, key, f"{what} is empty")
            return value.strip()
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        if self._flow_on_key_line(container, key, value):
            opener = "{" if isinstance(value, dict) else "["
            self.error_at(
                container,
                key,
                f'text that starts with "{opener}" must be in quotes',
                'put the whole text in straight quotes " "',
            )
            return default
        self.error_at(
            container,
            key,
            f"{what} must be text, not {type_name(value)}",
            "put text in quotes if it starts with a special character",
        )
        return default

    def name_text(self, container: Any, key: Any, what: str, *, empty_ok: bool = False) -> str:
        """Text that names something (a title, an author), as :meth:`text`.

        Control, invisible and direction-changing characters are refused: they could
        disguise what is shown.
        """
        value = self.text(container, key, what, empty_ok=empty_ok)
        if invisible_chars(value):
            self.error_at(
                container,
                key,
                f"{what} has control, invisible or direction-changing characters in it",
                "type it again as plain text; such characters could disguise what is shown",
            )
        return value

    def _flow_on_key_line(self, container: Any, key: Any, value: Any) -> bool:
        """Whether ``value`` is a ``{…}`` or ``[…]`` written on its key's own line."""
        if not isinstance(value, dict | list) or not isinstance(container, dict):
            return False
        return self.doc.container_mark(value)[0] == self.doc.key_mark(container, key)[0]

    def text_list(self, container: Any, key: Any, what: str) -> tuple[str, ...]:
        """A list of text under ``key`` (a single text is accepted as one item)."""
        value = container.get(key) if isinstance(container, dict) else container[key]
        if value is None:
            return ()
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list):
            self.error_at(
                container,
                key,
                f"{what} must be a list, not {type_name(value)}",
                "write it as [a, b] or one item per line starting with '- '",
            )
            return ()
        return tuple(self.text(value, i, f"{what} item {i + 1}") for i in range(len(value)))

    def number(self, container: Any, key: Any, what: str, *, lo: float, hi: float) -> float | None:
        """A finite number in ``[lo, hi]`` under ``key``, or None (reported)."""
        value = container[key]
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.error_at(container, key, f"{what} must be a number, not {type_name(value)}")
            return None
        if not lo <= value <= hi or not math.isfinite(value):  # lo..hi first: 10**400 is an int
            shown = f"{value:.3g}" if isinstance(value, float) or abs(value) < 10**12 else "huge"
            self.error_at(container, key, f"{what} must be between {lo:g} and {hi:g}, not {shown}")
            return None
        return float(value)

    def whole(self, container: Any, key: Any, what: str, *, lo: int, hi: int) -> int | None:
        """A whole number in ``[lo, hi]`` under ``key``, or None (reported)."""
        value = container[key]
        if isinstance(value, bool) or not isinstance(value, int):
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            else:
                self.error_at(
                    container, key, f"{what} must be a whole number, not {type_name(value)}"
                )
                return None
        if not lo <= value <= hi:
            shown = value if abs(value) < 10**12 else "a huge number"
            self.error_at(container, key, f"{what} must be from {lo} to {hi}, not {shown}")
            return None
        return value

    def duration(
        self, container: Any, key: Any, what: str, *, zero_ok: bool = False
    ) -> float | None:
        """Seconds under ``key`` (``90s``, ``1m30s``...), positive (or zero if allowed)."""
        value = container[key]
        try:
            seconds = parse_duration(value)
        except DurationError as exc:
            self.error_at(container, key, f"{what}: {exc}")
            return None
        if seconds < 0 or (seconds == 0 and not zero_ok):
            self.error_at(container, key, f"{what} must be more than 0 seconds, not {value}")
            return None
        return seconds

    def audio_path(self, container: Any, key: Any, what: str) -> Path | None:
        """A relative audio file inside the practice's folder that exists, or None."""
        raw = self.text(container, key, what)
        if not raw:
            return None
        if "\\" in raw:
            self.error_at(
                container,
                key,
                f'{what} "{raw}" uses backslashes',
                "write paths with forward slashes, e.g. audio/welcome.ogg",
            )
            return None
        pure = PurePosixPath(raw)
        if pure.is_absolute() or (len(raw) > 1 and raw[1] == ":"):
            self.error_at(
                container,
                key,
                f'{what} "{raw}" is an absolute path',
                "keep audio next to the practice and write a relative path like audio/welcome.ogg",
            )
            return None
        if ".." in pure.parts:
            self.error_at(
                container,
                key,
                f'{what} "{raw}" climbs out of the practice\'s folder',
                "keep audio inside the practice's folder",
            )
            return None
        if pure.suffix.lower() not in AUDIO_SUFFIXES:
            self.error_at(
                container,
                key,
                f'{what} "{raw}" is not a supported audio file',
                f"use one of {', '.join(AUDIO_SUFFIXES)}",
            )
            return None
        if self.folder is None:
            return Path(raw)
        full = self.folder / pure
        if not full.is_file():
            self.error_at(container, key, f'{what} "{raw}" does not exist', f"looked for {full}")
            return None
        return full
