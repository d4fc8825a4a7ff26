"""The layers keep to their jobs: only the command line talks to the terminal, core is told
where user data lives, and nothing below reaches up.

Read from the source with :mod:`ast`, so an import or a call inside a function counts.
"""

from __future__ import annotations

import ast

from tests.import_graph import imported, modules, tree

QUIET = ("kapcompanion.core", "kapcompanion.audio", "kapcompanion.journal")
TERMINAL_CALLS = {"print", "input", "breakpoint"}
TERMINAL_ATTRIBUTES = {("sys", "exit"), ("sys", "stdout"), ("sys", "stderr"), ("sys", "stdin")}
TERMINAL_MODULES = {"getpass"}


def _inside(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def _terminal_uses(name: str) -> list[str]:
    found = []
    for node in ast.walk(tree(name)):
        where = f"{name}:{getattr(node, 'lineno', 0)}"
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in TERMINAL_CALLS
        ):
            found.append(f"{where} calls {node.func.id}()")
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and (node.value.id, node.attr) in TERMINAL_ATTRIBUTES
        ):
            found.append(f"{where} uses {node.value.id}.{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module == "sys":
            names = {a.name for a in node.names} & {attr for _, attr in TERMINAL_ATTRIBUTES}
            found.extend(f"{where} imports sys.{n}" for n in sorted(names))
    for target, line in imported(name):
        if target.split(".")[0] in TERMINAL_MODULES:
            found.append(f"{name}:{line} imports {target}")
    return found


def test_core_audio_and_journal_never_print_prompt_or_exit():
    found = [use for name in modules() if _inside(name, QUIET) for use in _terminal_uses(name)]
    assert found == [], "only kapcompanion.cli talks to the terminal:\n" + "\n".join(found)


def test_the_check_sees_a_print():
    assert _terminal_uses("kapcompanion.cli.library")  # the command line prints, and is seen
    assert _terminal_uses("kapcompanion.cli.journal")  # getpass too


def test_core_is_told_where_user_data_lives():
    found = [
        f"{name}:{line} imports {target}"
        for name in modules()
        if _inside(name, ("kapcompanion.core",))
        for target, line in imported(name)
        if _inside(target, ("kapcompanion.paths", "kapcompanion.settings", "platformdirs"))
    ]
    assert found == [], "core takes its folders as arguments:\n" + "\n".join(found)


def test_lower_layers_do_not_import_the_ones_above():
    above = {
        "kapcompanion.core": ("kapcompanion.cli", "kapcompanion.ui", "kapcompanion.audio"),
        "kapcompanion.audio": ("kapcompanion.cli", "kapcompanion.ui", "kapcompanion.journal"),
        "kapcompanion.journal": ("kapcompanion.cli", "kapcompanion.ui", "kapcompanion.audio"),
    }
    found = [
        f"{name}:{line} imports {target}"
        for name in modules()
        for layer, banned in above.items()
        if _inside(name, (layer,))
        for target, line in imported(name)
        if _inside(target, banned)
    ]
    assert found == [], "\n".join(found)
