"""Tags show as words a person reads (translated where the app is), and search finds them."""

from __future__ import annotations

from kapcompanion.ui.catalogue import build_entries
from kapcompanion.ui.library_view import META_ROLE
from kapcompanion.ui.tags import LABELS, tag_label, tag_labels
from tests.ui.samples import library


def test_built_in_tags_have_labels_and_others_show_as_written() -> None:
    assert tag_label("after-session") == "after a session"
    assert tag_label("self-paced") == "at your own pace"
    assert tag_label("my-own-tag") == "my-own-tag"  # a therapist's tag: as written
    assert tag_labels(["breath", "eyes-open"]) == ["breath", "eyes open"]


def test_every_built_in_library_tag_has_a_label() -> None:
    from kapcompanion.core.library import Library

    lib = Library.load(None)
    used = {t for p in lib.practices.values() for t in p.tags}
    assert used, "the built-in library has tags"
    assert used <= set(LABELS), f"tags without a label: {sorted(used - set(LABELS))}"


def test_search_finds_a_practice_by_its_tag_label() -> None:
    entries = build_entries(library().values(), label=lambda t: f"word-for-{t}")
    hay = {e.id: e.haystack() for e in entries}
    assert "word-for-grounding" in hay["feet-and-hands"]
    assert "word-for-grounding" not in hay["box-4"]


def test_library_cards_and_tag_filter_show_labels(make_window) -> None:
    win = make_window()
    lib = win.library
    labels = [lib.tag.itemText(i) for i in range(lib.tag.count())]
    data = [lib.tag.itemData(i) for i in range(lib.tag.count())]
    assert data[0] == "" and "breath" in data  # the filter still works by tag
    assert labels[1:] == sorted(labels[1:], key=str.lower)  # listed by what is read
    row = next(
        i
        for i in range(lib.list.count())
        if lib.list.item(i).data(META_ROLE) and "feet" in (lib.list.item(i).text().lower())
    )
    assert "grounding" in lib.list.item(row).data(META_ROLE)
