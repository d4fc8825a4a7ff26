"""Placeholders in practice text: ``{intention}`` filled from saved answers."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping

log = logging.getLogger(__name__)

PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})")
NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def placeholders(text: str) -> list[str]:
    """Names of the ``{name}`` placeholders in ``text``, in order (``{{`` escapes)."""
    return PLACEHOLDER.findall(text)


def fill(text: str, values: Mapping[str, object], missing: str | None = None) -> str:
    """Replace each ``{name}`` with its value.

    A name with no value is dropped gracefully, together with a colon or dash that only
    introduced it, so "Your intention: {intention}" reads "Your intention" rather than
    showing braces. With ``missing`` (such as "…"), a name with no value shows as that
    instead: an overview of steps not yet reached reads "Your answers were …, … and …".
    ``{{`` and ``}}`` become literal braces.
    """

    def one(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        if value is None:
            return missing if missing is not None else ""
        return str(value).strip()

    out = PLACEHOLDER.sub(one, text)
    if missing is not None:
        return out.replace("{{", "{").replace("}}", "}").strip()
    out = re.sub(r"\s*[:—–-]\s*(?=[.!?]?\s*$)", "", out) if out != text else out
    out = re.sub(r"[ \t]{2,}", " ", out)
    out = re.sub(r"\s+([,.;!?])", r"\1", out)
    return out.replace("{{", "{").replace("}}", "}").strip()


def reflow(text: str) -> str:
    """Join the lines of each paragraph, as a YAML ``|`` block wraps them for the eye.

    A blank line still separates paragraphs; lines starting with ``-`` or ``*`` (a list)
    keep their own line.
    """
    paragraphs = []
    for block in text.strip().split("\n\n"):
        lines: list[str] = []
        for raw in block.splitlines():
            line = raw.strip()
            if not line:
                continue
            if lines and not line.startswith(("- ", "* ")):
                lines[-1] = f"{lines[-1]} {line}"
            else:
                lines.append(line)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(p for p in paragraphs if p)
