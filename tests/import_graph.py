"""The import graph of the kapcompanion package, read from the source with :mod:`ast`.

Every import counts: at the top of a module, inside functions, and under
``if TYPE_CHECKING:``. Relative imports are resolved, and ``from pkg import name`` points
at the submodule ``pkg.name`` when there is one, else at ``pkg`` itself (its
``__init__``). Used by the cycle and layer tests.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path

import kapcompanion

PACKAGE = Path(kapcompanion.__file__).parent
ROOT = "kapcompanion"


def module_name(path: Path) -> str:
    """The dotted name of a file of the package (a package's ``__init__`` is the package)."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


@cache
def tree(name: str) -> ast.Module:
    """The parsed source of one module."""
    path = modules()[name]
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _package_of(name: str) -> str:
    """The package a module's relative imports start from."""
    if modules()[name].name == "__init__.py":
        return name
    return name.rpartition(".")[0]


def imported(name: str) -> Iterator[tuple[str, int]]:
    """(module imported, line) for every import in module ``name``, anywhere in it."""
    known = modules()
    for node in ast.walk(tree(name)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = _package_of(name)
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module or ""
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                yield (sub if sub in known else base), node.lineno


@cache
def graph() -> dict[str, frozenset[str]]:
    """Module -> the modules of the package it imports."""
    known = modules()
    return {
        name: frozenset(target for target, _ in imported(name) if target in known) for name in known
    }


def cycles(edges: Mapping[str, frozenset[str]] | None = None) -> list[frozenset[str]]:
    """Every import cycle: strongly connected parts of more than one module, or self-loops.

    Tarjan's algorithm, written without recursion, over ``edges`` (default: the package).
    """
    edges = graph() if edges is None else edges
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[frozenset[str]] = []
    counter = 0
    for start in sorted(edges):
        if start in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                part: set[str] = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    part.add(member)
                    if member == node:
                        break
                if len(part) > 1 or node in edges[node]:
                    found.append(frozenset(part))
    return sorted(found, key=sorted)
