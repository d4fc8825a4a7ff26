"""No import cycle among the package's modules, counting every import.

Imports inside functions and under ``if TYPE_CHECKING:`` count too: a cycle hidden in a
function is still two modules that cannot be understood, or changed, one without the
other. See :mod:`tests.import_graph` for how the graph is read.
"""

from __future__ import annotations

from tests.import_graph import cycles, graph


def test_the_graph_is_read():
    edges = graph()
    assert len(edges) > 100
    assert "kapcompanion.core.model" in edges["kapcompanion.core.timeline"]
    # a function-level import counts, and one under TYPE_CHECKING
    assert "kapcompanion.cli.library" in edges["kapcompanion.cli"]
    assert "kapcompanion.ui.main_window" in edges["kapcompanion.ui.journey"]
    # `from package import submodule` points at the submodule
    assert "kapcompanion.core.packs.signing" in edges["kapcompanion.ui.packs.key_page"]


def test_cycles_are_found_in_a_small_graph():
    edges = {
        "a": frozenset({"b"}),
        "b": frozenset({"c"}),
        "c": frozenset({"a", "d"}),
        "d": frozenset(),
        "e": frozenset({"e"}),
        "f": frozenset({"d"}),
    }
    assert cycles(edges) == [frozenset({"a", "b", "c"}), frozenset({"e"})]


def test_no_import_cycles():
    found = [sorted(c) for c in cycles()]
    assert found == [], "import cycles:\n" + "\n".join(" <-> ".join(c) for c in found)
