"""Located problems a person can act on, and the exceptions that carry them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem in one file, at a line and column (1-based; 0 = whole file)."""

    path: str
    line: int
    col: int
    severity: str
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        """Whether this problem makes the file invalid."""
        return self.severity == ERROR

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.col}" if self.line else f"{self.path}"
        text = f"{where}: {self.severity}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text


class KapError(Exception):
    """Base of every error a person can cause; its message is meant to be read."""


class ValidationError(KapError):
    """A practice or program file is not valid; ``diagnostics`` says where and why."""

    def __init__(self, path: Path | str, diagnostics: list[Diagnostic]) -> None:
        self.path = str(path)
        self.diagnostics = diagnostics
        errors = [d for d in diagnostics if d.is_error]
        first = errors[0] if errors else (diagnostics[0] if diagnostics else None)
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        super().__init__(f"{first}{more}" if first else f"{path}: not a valid practice")


class NotFoundError(KapError):
    """A practice id or file that does not exist."""
