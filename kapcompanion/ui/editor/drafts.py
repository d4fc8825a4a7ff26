"""Practice text as the editor changes it: the template, copies, and the voice key.

Edits are made in the text itself (never by dumping YAML again), so a therapist's
comments, order and wording stay exactly as written. Positions come from PyYAML's
composer. Nothing here imports Qt.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

log = logging.getLogger(__name__)

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ID_LINE = re.compile(r"^id:\s*['\"]?([A-Za-z0-9-]+)['\"]?\s*(?:#.*)?$", re.MULTILINE)

TEMPLATE = """\
kapcompanion: 1
id: {id}
title: My new practice
category: anytime            # prepare | anytime | integrate
summary: A few quiet minutes to arrive, breathe gently and rest.
{author}steps:
  - say: Find a comfortable position. You can close your eyes, or rest your gaze low.
  - breathe: {{inhale: 4, exhale: 6, cycles: 6}}
  - silence: 30s
    prompt: Rest with whatever is here.
  - bell: soft-bell
"""


class EditError(Exception):
    """The text cannot be changed at that place (the message says why, plainly)."""


def template(pid: str, author: str = "") -> str:
    """A small valid practice with id ``pid`` (the new-practice starting point)."""
    return TEMPLATE.format(id=pid, author=f"author: {_quote(author)}\n" if author else "")


def draft_id(text: str) -> str:
    """The id written in ``text`` (even when the rest is invalid), or ''."""
    m = _ID_LINE.search(text)
    return m.group(1) if m and ID_PATTERN.match(m.group(1)) else ""


def unique_id(base: str, taken: Callable[[str], bool]) -> str:
    """``base``, or ``base-2``, ``base-3``… — the first one ``taken`` says is free."""
    if not taken(base):
        return base
    n = 2
    while taken(f"{base}-{n}"):
        n += 1
    return f"{base}-{n}"


def _compose(text: str) -> MappingNode:
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise EditError("the practice has a YAML error; fix it first") from exc
    if not isinstance(node, MappingNode):
        raise EditError("the practice is not a mapping of keys")
    return node


def _get(node: MappingNode, key: str) -> tuple[ScalarNode, Node] | None:
    for k, v in node.value:
        if isinstance(k, ScalarNode) and k.value == key:
            return k, v
    return None


def _quote(value: str) -> str:
    """A YAML scalar for ``value`` (quoted only when it needs to be)."""
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10_000)
    return dumped.removesuffix("\n...\n").rstrip("\n")


def _replace_value(text: str, node: Node, value: str) -> str:
    start, end = node.start_mark.index, node.end_mark.index
    tail = "\n" if isinstance(node, ScalarNode) and node.style in ("|", ">") else ""
    return text[:start] + _quote(value) + tail + text[end:]


def set_top_level(text: str, key: str, value: str) -> str:
    """Set a top-level scalar (``id``, ``title``) in place; add it after ``id`` if missing."""
    root = _compose(text)
    found = _get(root, key)
    if found is not None:
        return _replace_value(text, found[1], value)
    line = f"{key}: {_quote(value)}\n"
    anchor = _get(root, "id") or _get(root, "kapcompanion")
    if anchor is None:
        return line + text
    pos = _line_end(text, anchor[1].end_mark.index)
    return text[:pos] + line + text[pos:]


def _line_end(text: str, pos: int) -> int:
    """Index just after the newline ending the line that holds ``pos - 1``."""
    if pos > 0 and text[pos - 1] == "\n":
        return pos
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl + 1


def duplicate_text(text: str, new_id: str, new_title: str) -> str:
    """A copy of a practice's text with a new id and title (everything else as it was)."""
    return set_top_level(set_top_level(text, "id", new_id), "title", new_title)


def _mappings(node: Node) -> Iterable[MappingNode]:
    """Every step mapping, in document order, including those inside repeats."""
    if isinstance(node, SequenceNode):
        for item in node.value:
            if isinstance(item, MappingNode):
                yield item
                inner = _get(item, "steps")
                if inner is not None:
                    yield from _mappings(inner[1])


def say_step_at(text: str, line: int) -> MappingNode:
    """The say step whose ``say`` key is on (1-based) ``line``."""
    root = _compose(text)
    steps = _get(root, "steps")
    if steps is None:
        raise EditError("the practice has no steps")
    for step in _mappings(steps[1]):
        found = _get(step, "say")
        if found is not None and found[0].start_mark.line + 1 == line:
            return step
    raise EditError(f"no say step starts on line {line}")


def set_voice(text: str, line: int, relative: str) -> str:
    """Set ``voice: relative`` on the say step at ``line`` (replacing any earlier clip)."""
    step = say_step_at(text, line)
    found = _get(step, "voice")
    if found is not None:
        return _replace_value(text, found[1], relative)
    value = _quote(relative)
    if step.flow_style:
        close = step.end_mark.index - 1  # the closing brace
        return text[:close].rstrip() + f", voice: {value}" + text[close:]
    found_say = _get(step, "say")
    if found_say is None:  # say_step_at found the step by its say key
        raise EditError(f"no say step starts on line {line}")
    say_key, say_value = found_say
    indent = " " * say_key.start_mark.column
    pos = _line_end(text, say_value.end_mark.index)
    prefix = "\n" if pos == len(text) and not text.endswith("\n") else ""
    return text[:pos] + f"{prefix}{indent}voice: {value}\n" + text[pos:]


def remove_voice(text: str, line: int) -> str:
    """Remove the ``voice`` key of the say step at ``line`` (no change when it has none)."""
    step = say_step_at(text, line)
    found = _get(step, "voice")
    if found is None:
        return text
    key, value = found
    if step.flow_style:
        start = text.rfind(",", 0, key.start_mark.index)
        return text[:start] + text[value.end_mark.index :]
    start = text.rfind("\n", 0, key.start_mark.index) + 1
    end = _line_end(text, value.end_mark.index)
    return text[:start] + text[end:]


def referenced_files(text: str) -> list[str]:
    """Relative audio paths a practice names (voice clips, an ambient file, cue files)."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError:
        return []
    found: list[str] = []

    def walk(obj: object) -> None:
        if isinstance(obj, dict):
            for k, v in obj.items():
                if k in ("voice", "ambient", "cue", "bell") and isinstance(v, str) and "." in v:
                    found.append(v)
                walk(v)
        elif isinstance(obj, list):
            for item in obj:
                walk(item)

    walk(data)
    return [p for p in found if not Path(p).is_absolute() and ".." not in Path(p).parts]
