"""Placeholders in practice text: ``{intention}`` filled from saved answers."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping

log = logging.getLogger(__name__)

PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})")
NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def placeholders(text: str) -> list[str]:
    """Names of the ``{name}`` placeholders in ``text``, in order (``{{`` escapes)."""
    return PLACEHOLDER.findall(text)


#: Stands in for a placeholder with no value while the text around it is tidied.
_GONE = "\x00"
#: An introducer (a colon or dash) before a value left out, at the end of its sentence.
_INTRODUCED = re.compile(r"\s*[:—–-]\s*\x00\s*(?=[.!?]|$)")
#: A sentence whose point was a value left out: "You brought: {x}." or "{x}." alone.
_EMPTY_STATEMENT = re.compile(r"[:—–-]\s*\x00\s*\.$|^\x00\s*[.!?]?$")

Missing = str | Callable[[str], str] | None


def _value(values: Mapping[str, object], name: str) -> str:
    value = values.get(name)
    return "" if value is None else str(value).strip()


def fill(text: str, values: Mapping[str, object], missing: Missing = None) -> str:
    """Replace each ``{name}`` with its value: the one function every place fills with.

    A name with no value is left out gracefully. A colon or dash that only introduced it
    goes with it, so "Your intention: {intention}" reads "Your intention" and "How did it
    relate to your intention: {intention}?" reads "How did it relate to your intention?";
    a sentence that only existed to show it ("You are arriving with: {word}.") is left
    out whole when other sentences remain, so "You are arriving with: {word}. Let that be
    welcome too." reads "Let that be welcome too.".

    With ``missing`` a name with no value shows as that instead, for lists of steps not
    yet reached: a mark such as "…" ("Your answers were …, … and …"), or a function of
    the name that words it ("your intention"). ``{{`` and ``}}`` become literal braces.
    """
    if missing is not None:

        def shown(match: re.Match[str]) -> str:
            value = _value(values, match.group(1))
            if value:
                return value
            return missing if isinstance(missing, str) else missing(match.group(1))

        out = PLACEHOLDER.sub(shown, text)
        return out.replace("{{", "{").replace("}}", "}").strip()

    out = PLACEHOLDER.sub(lambda m: _value(values, m.group(1)) or _GONE, text)
    if _GONE in out:
        parts = re.split(r"(?<=[.!?])(\s+)", out)
        sentences = parts[0::2]
        if len([x for x in sentences if x.strip()]) > 1:
            kept = [
                (sentence, parts[2 * i + 1] if 2 * i + 1 < len(parts) else "")
                for i, sentence in enumerate(sentences)
                if not _EMPTY_STATEMENT.search(sentence.strip())
            ]
            out = "".join(sentence + gap for sentence, gap in kept)
        out = _INTRODUCED.sub("", out).replace(_GONE, "")
        out = re.sub(r"[ \t]+,", ",", out)
        out = re.sub(r",(?=\s*[,.;!?]|\s*$)", "", out)  # a list's comma left alone
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
