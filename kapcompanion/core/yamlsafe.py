"""Read YAML safely and remember where every value came from.

Practice files are small, but a hostile or broken one must never hang the app or
exhaust memory. This reader:

* refuses files over :data:`MAX_BYTES` before reading them;
* decodes strictly as UTF-8 and reports where a bad byte is;
* composes the node graph (with libyaml's C parser when available; aliases stay shared
  nodes there), then builds plain data while counting every value it expands and the
  depth, so alias bombs ("billion laughs") and absurd nesting are refused in
  milliseconds;
* reports duplicate mapping keys (PyYAML silently keeps the last);
* records the line and column of every mapping key and value and every list item, so
  later checks can point at the exact place.
"""

from __future__ import annotations

import logging
import operator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kapcompanion.core.errors import ERROR, Diagnostic
from kapcompanion.core.yamlhints import diagnose

log = logging.getLogger(__name__)

try:  # libyaml's C parser; the pure-Python one is the fallback
    from yaml import CSafeLoader as _Base
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Base  # type: ignore[assignment]

#: Plain scalars resolve to the same tag every time (safe loading has no path resolvers,
#: so a plain scalar's tag depends on its text alone), so short ones are remembered: most
#: of a practice's scalars repeat (keys, numbers, sound names), and resolving is PyYAML's
#: slowest step per value.
_TAGS: dict[str, str] = {}
_TAG_VALUE_MAX = 40
_TAGS_MAX = 50_000
#: The tag of anything not resolved from its text: quoted scalars, sequences, mappings.
_DEFAULT_TAGS = {
    ScalarNode: yaml.resolver.BaseResolver.DEFAULT_SCALAR_TAG,
    SequenceNode: yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
    MappingNode: yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
}


class _Resolving:
    """A loader mix-in: remembered scalar tags, and no per-node path-resolver work."""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode and implicit[0]:
            tag = _TAGS.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)  # type: ignore[misc]
                if len(value) <= _TAG_VALUE_MAX and len(_TAGS) < _TAGS_MAX:
                    _TAGS[value] = tag
            return tag
        return _DEFAULT_TAGS[kind]

    # Safe loading defines no path resolvers, so these do nothing. The C composer calls
    # both for every node; built-in functions that ignore their result cost far less than
    # a Python method each time (``is_`` takes the two arguments, ``bool`` none).
    descend_resolver = staticmethod(operator.is_)
    ascend_resolver = staticmethod(bool)


def loader_class(base: type) -> type:
    """``base`` (a PyYAML safe loader) with remembered scalar tags."""
    assert not getattr(base, "yaml_path_resolvers", None), "path resolvers need the full resolver"
    return type(f"Kap{base.__name__}", (_Resolving, base), {})


_Loader = loader_class(_Base)

MAX_BYTES = 1024 * 1024
MAX_NODES = 50_000
#: The most characters of text a file may hold once its aliases are expanded.
MAX_TEXT_CHARS = 4 * 1024 * 1024
MAX_DEPTH = 40

_constructor = yaml.constructor.SafeConstructor()
_SCALARS = {
    "tag:yaml.org,2002:int": _constructor.construct_yaml_int,
    "tag:yaml.org,2002:float": _constructor.construct_yaml_float,
    "tag:yaml.org,2002:bool": _constructor.construct_yaml_bool,
    "tag:yaml.org,2002:null": _constructor.construct_yaml_null,
}

_STR = "tag:yaml.org,2002:str"
_KNOWN_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "merge")
)

Mark = tuple[int, int]  # (line, column), 1-based


@dataclass
class Document:
    """A parsed file: plain Python data plus the place of every value."""

    path: str
    data: Any
    # id(container) -> {key: (key mark, value mark)} for dicts, [mark, ...] for lists
    marks: dict[int, Any] = field(default_factory=dict)
    starts: dict[int, Mark] = field(default_factory=dict)  # id(container) -> its place
    root_mark: Mark = (1, 1)
    problems: list[Diagnostic] = field(default_factory=list)  # e.g. duplicate keys

    def key_mark(self, container: dict[str, Any], key: str) -> Mark:
        """Where ``key`` is written in ``container`` (or the container's own place)."""
        entry = self.marks.get(id(container), {}).get(key)
        return entry[0] if entry else self.container_mark(container)

    def value_mark(self, container: dict[str, Any] | list[Any], key: Any) -> Mark:
        """Where the value under ``key`` (or list index) is written."""
        m = self.marks.get(id(container))
        if isinstance(m, dict) and key in m:
            return m[key][1]
        if isinstance(m, list) and isinstance(key, int) and 0 <= key < len(m):
            return m[key]
        return self.container_mark(container)

    def container_mark(self, container: object) -> Mark:
        """Where a container starts (as recorded when it was built)."""
        return self.starts.get(id(container), self.root_mark)


class YamlError(Exception):
    """The file cannot be read as YAML at all; carries one diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


def _problem(path: str, line: int, col: int, message: str, hint: str = "") -> YamlError:
    return YamlError(Diagnostic(path, line, col, ERROR, message, hint))


def read_text(path: Path, shown: str | None = None) -> str:
    """Read a practice file as UTF-8 text, refusing large or non-UTF-8 files."""
    shown = shown or str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _problem(shown, 0, 0, f"cannot read the file ({exc.strerror or exc})") from None
    if size > MAX_BYTES:
        raise _problem(
            shown,
            0,
            0,
            f"file is {size / 1048576:.1f} MiB; practice files may be at most 1 MiB",
            "audio belongs in separate files next to the practice",
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _problem(shown, 0, 0, f"cannot read the file ({exc.strerror or exc})") from None
    return decode(raw, shown)


def decode(raw: bytes, shown: str) -> str:
    """Decode UTF-8 (a BOM is allowed), saying where a bad byte is."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        raise _problem(
            shown,
            line,
            col,
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x})",
            "save it as UTF-8 in your editor",
        ) from None


def parse(text: str, shown: str) -> Document:
    """Parse YAML ``text`` into a :class:`Document`, or raise :class:`YamlError`.

    Duplicate keys do not stop parsing; they come back in ``problems``.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        msg = exc.problem or exc.context or "not valid YAML"
        better = diagnose(text, line, col, msg)
        if better is not None:
            raise _problem(shown, better.line, better.col, better.message, better.hint) from None
        hint = "check the indentation and that every ':' in text is inside quotes"
        raise _problem(shown, line, col, f"YAML syntax: {msg}", hint) from None
    except yaml.YAMLError as exc:
        raise _problem(shown, 0, 0, f"YAML syntax: {exc}") from None
    except RecursionError:
        raise _problem(shown, 0, 0, "the file is nested too deeply") from None
    if node is None:
        raise _problem(
            shown, 0, 0, "the file is empty", "a practice starts with 'kapcompanion: 1' and an id"
        )
    if "&" in text:  # anchors, so maybe aliases: measure the expanded size first
        _measure(node, shown)
        _measure_text(node, shown)
    builder = _Builder(shown)
    data = builder.build(node)
    root = (node.start_mark.line + 1, node.start_mark.column + 1)
    return Document(shown, data, builder.marks, builder.starts, root, builder.problems)


def _measure(root: Node, shown: str) -> None:
    """Refuse alias bombs before building anything: expanded size, memoised per node."""
    sizes: dict[int, int] = {}

    def size(node: Node, depth: int) -> int:
        known = sizes.get(id(node))
        if known is not None:
            return known
        if depth > MAX_DEPTH:
            return 1  # the builder reports the depth at its place
        if isinstance(node, ScalarNode):
            n = 1
        elif isinstance(node, SequenceNode):
            n = 1 + sum(size(child, depth + 1) for child in node.value)
        else:
            n = 1 + sum(size(k, depth + 1) + size(v, depth + 1) for k, v in node.value)
        if n > MAX_NODES:
            m = node.start_mark
            raise _problem(
                shown,
                m.line + 1,
                m.column + 1,
                f"the file expands to more than {MAX_NODES:,} values",
                "anchors and aliases (& and *) may be repeating one another",
            )
        sizes[id(node)] = n
        return n

    size(root, 0)


def _measure_text(root: Node, shown: str) -> None:
    """Refuse a file whose text, with every alias expanded, passes :data:`MAX_TEXT_CHARS`.

    One long anchored string repeated by aliases is few values but a great deal of text,
    which every later step (checks, the check cache) would copy. Counted on the composed
    nodes, memoised per node, before anything is built.
    """
    sizes: dict[int, int] = {}

    def chars(node: Node, depth: int) -> int:
        known = sizes.get(id(node))
        if known is not None:
            return known
        if depth > MAX_DEPTH:
            return 0  # the builder reports the depth at its place
        if isinstance(node, ScalarNode):
            n = len(node.value)
        elif isinstance(node, SequenceNode):
            n = sum(chars(child, depth + 1) for child in node.value)
        else:
            n = sum(chars(k, depth + 1) + chars(v, depth + 1) for k, v in node.value)
        if n > MAX_TEXT_CHARS:
            m = node.start_mark
            raise _problem(
                shown,
                m.line + 1,
                m.column + 1,
                f"the file expands to more than {MAX_TEXT_CHARS // (1024 * 1024)} MiB of text",
                "anchors and aliases (& and *) may be repeating a long text",
            )
        sizes[id(node)] = n
        return n

    chars(root, 0)


class _Builder:
    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.marks: dict[int, Any] = {}
        self.starts: dict[int, Mark] = {}
        self.problems: list[Diagnostic] = []
        self.count = 0

    def build(self, node: Node, depth: int = 0) -> Any:
        """Plain data from ``node``, counting every value expanded.

        Aliases count each time they are expanded, so a bomb is refused after
        :data:`MAX_NODES` values, long before memory runs out.
        """
        self.count += 1
        if self.count > MAX_NODES or depth > MAX_DEPTH:
            m = node.start_mark
            if depth > MAX_DEPTH:
                raise _problem(
                    self.shown,
                    m.line + 1,
                    m.column + 1,
                    f"values are nested more than {MAX_DEPTH} levels deep",
                )
            raise _problem(
                self.shown,
                m.line + 1,
                m.column + 1,
                f"the file expands to more than {MAX_NODES:,} values",
                "anchors and aliases (& and *) may be repeating one another",
            )
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag not in _KNOWN_TAGS:
            m = node.start_mark
            self.problems.append(
                Diagnostic(
                    self.shown,
                    m.line + 1,
                    m.column + 1,
                    ERROR,
                    f'the tag "{node.tag}" is not allowed',
                    "write plain values; YAML tags like !!python are never run",
                )
            )
            return None
        if isinstance(node, ScalarNode):
            return self.scalar(node)
        if isinstance(node, SequenceNode):
            items = [self._value(child, depth + 1) for child in node.value]
            self.marks[id(items)] = [
                (c.start_mark.line + 1, c.start_mark.column + 1) for c in node.value
            ]
            self.starts[id(items)] = (node.start_mark.line + 1, node.start_mark.column + 1)
            return items
        assert isinstance(node, MappingNode)
        out: dict[Any, Any] = {}
        places: dict[Any, tuple[Mark, Mark]] = {}
        inner = depth + 1
        for knode, vnode in node.value:
            kmark = (knode.start_mark.line + 1, knode.start_mark.column + 1)
            if self._plain_text(knode, inner):  # most keys: read here, not built
                self.count += 1
                key = knode.value
            elif knode.tag == "tag:yaml.org,2002:merge":
                self.problems.append(
                    Diagnostic(self.shown, *kmark, ERROR, "merge keys (<<) are not supported")
                )
                continue
            else:
                key = self.build(knode, inner) if isinstance(knode, ScalarNode) else None
            if not isinstance(key, str | int | float | bool) or key is None:
                self.problems.append(
                    Diagnostic(self.shown, *kmark, ERROR, "a key must be a plain word")
                )
                continue
            if key in out:
                first = places[key][0]
                self.problems.append(
                    Diagnostic(
                        self.shown,
                        *kmark,
                        ERROR,
                        f'the key "{key}" appears twice in one mapping',
                        f"the first is on line {first[0]}; keep one",
                    )
                )
                continue
            out[key] = self._value(vnode, inner)
            places[key] = (kmark, (vnode.start_mark.line + 1, vnode.start_mark.column + 1))
        self.marks[id(out)] = places
        self.starts[id(out)] = (node.start_mark.line + 1, node.start_mark.column + 1)
        return out

    def _plain_text(self, node: Node, depth: int) -> bool:
        """Whether ``node`` is text that :meth:`build` would return as it is (and count)."""
        return (
            node.tag == _STR
            and type(node) is ScalarNode
            and self.count < MAX_NODES
            and depth <= MAX_DEPTH
        )

    def _value(self, node: Node, depth: int) -> Any:
        """:meth:`build` for a mapping's value, with text read at once."""
        if self._plain_text(node, depth):
            self.count += 1
            return node.value
        return self.build(node, depth)

    def scalar(self, node: ScalarNode) -> Any:
        convert = _SCALARS.get(node.tag)
        if convert is None:
            return node.value
        try:
            return convert(node)
        except (ValueError, yaml.YAMLError):
            return node.value


def load(path: Path, shown: str | None = None) -> Document:
    """Read and parse a file (see :func:`read_text` and :func:`parse`)."""
    shown = shown or str(path)
    return parse(read_text(path, shown), shown)
