"""Reading a program file (``kind: program``): practices scheduled around a session."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from kapcompanion.core.checker import Checker, type_name
from kapcompanion.core.model import FORMAT_VERSION, Program, ProgramDay
from kapcompanion.core.yamlsafe import Document

log = logging.getLogger(__name__)

PROGRAM_KEYS = (
    "kapcompanion",
    "kind",
    "id",
    "title",
    "summary",
    "description",
    "author",
    "language",
    "days",
    "translation_of",
)
DAY_KEYS = ("day", "when", "practices", "note")
WHEN = ("before", "after")
MIN_DAY, MAX_DAY = -60, 120


class ProgramParser(Checker):
    """Checks and builds one program."""

    def __init__(self, doc: Document, source: Path | None) -> None:
        super().__init__(doc, source.parent if source else None)
        self.source = source

    def program(self) -> Program | None:
        """The program, or None when it has errors (see ``diagnostics``)."""
        from kapcompanion.core.parse import ID, LANGUAGE

        d = self.doc.data
        self.check_keys(d, PROGRAM_KEYS, ("kapcompanion", "id", "title", "days"), "a program")
        if "kapcompanion" in d and d["kapcompanion"] != FORMAT_VERSION:
            self.error_at(
                d,
                "kapcompanion",
                f"format version {d['kapcompanion']!r} is not "
                f"supported; this app reads version {FORMAT_VERSION}",
            )
        pid = self.text(d, "id", "id")
        if pid and not ID.match(pid):
            self.error_at(d, "id", f'id "{pid}" may use only lowercase letters, digits and dashes')
        language = self.text(d, "language", "language", default="en")
        if language and not LANGUAGE.match(language):
            self.error_at(d, "language", f'language "{language}" is not a language code')
        days = self._days(d) if "days" in d else ()
        if not self.ok:
            return None
        return Program(
            id=pid,
            title=self.name_text(d, "title", "title"),
            days=days,
            summary=self.text(d, "summary", "summary", empty_ok=True),
            description=self.text(d, "description", "description", empty_ok=True),
            author=self.name_text(d, "author", "author", empty_ok=True),
            language=language or "en",
            source=self.source,
        )

    def _days(self, d: dict[str, Any]) -> tuple[ProgramDay, ...]:
        items = d["days"]
        if not isinstance(items, list) or not items:
            self.error_at(
                d,
                "days",
                f"days must be a list of days, not {type_name(items)}",
                "for example - {day: -3, practices: [cyclic-sigh]}",
            )
            return ()
        out: list[ProgramDay] = []
        for i, raw in enumerate(items):
            if not isinstance(raw, dict):
                self.error_at(items, i, f"each day must be a mapping, not {type_name(raw)}")
                continue
            self.check_keys(raw, DAY_KEYS, ("day", "practices"), "a program day")
            day = self.whole(raw, "day", "day", lo=MIN_DAY, hi=MAX_DAY) if "day" in raw else None
            when = None
            if "when" in raw:
                when = self.text(raw, "when", "when")
                if when not in WHEN:
                    self.error_at(raw, "when", f'when must be "before" or "after", not "{when}"')
                elif day != 0:
                    self.error_at(raw, "when", 'only day 0 (the session day) has "when"')
            practices = self.text_list(raw, "practices", "practices")
            if "practices" in raw and not practices:
                self.error_at(raw, "practices", "a day needs at least one practice id")
            note = self.text(raw, "note", "note", empty_ok=True)
            if day is not None:
                out.append(ProgramDay(day, practices, when, note, self.doc.key_mark(raw, "day")[0]))
        return tuple(out)
