"""The export as read: checklist answers whole and ticked, check-ins by their label or question
with plain grammar (issue 17, points 9 and 11)."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from kapcompanion.journal import export
from kapcompanion.journal.checkin_labels import checkin_label, scores_text
from kapcompanion.journal.export_md import render_markdown
from kapcompanion.journal.pdf_text import fonts, has_glyphs, tick_marks
from kapcompanion.journal.store import JournalStore

AT = datetime(2026, 11, 20, 9, 0).astimezone()


def _fill(store: JournalStore) -> None:
    store.record_answer(
        "arrive",
        1,
        None,
        "checklist",
        {"Water, snacks and a blanket": True, "Phone on silent": False},
        at=AT,
        prompt="Before you begin",
    )
    store.record_answer("landing", 3, "grounded_after", "check_in", 6, at=AT)
    store.record_answer(
        "my-own", 2, "calm_now", "check_in", 4, prompt="How calm do you feel now?", at=AT
    )


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_labels_and_counts() -> None:
    assert checkin_label("grounded_after") == "feeling grounded after a session"
    assert checkin_label("calm_now", "How calm do you feel now?") == "How calm do you feel now?"
    assert checkin_label("calm_now") == "calm now"
    assert (scores_text(1), scores_text(3)) == ("1 score", "3 scores")


def test_the_pdf_ticks_checklists_and_keeps_items_whole(store: JournalStore, tmp_path) -> None:
    _fill(store)
    out = export.write(export.collect(store), "pdf", tmp_path / "out.pdf")
    text = _pdf_text(out)
    assert "[x]" not in text and "[ ]" not in text
    lines = [ln.strip() for ln in text.splitlines()]
    ticked = next(ln for ln in lines if ln.endswith("Water, snacks and a blanket"))
    assert ticked[0] in "✓✔", ticked
    assert any(ln.endswith("Phone on silent") and ln[0] in "☐❏" for ln in lines)
    assert "How calm do you feel now? (1 score)" in text
    assert "feeling grounded after a session (1 score)" in text
    assert "calm now" not in text and "grounded after (" not in text


def test_the_tick_is_drawn_in_a_font_that_has_it() -> None:
    reg = fonts()[0]
    glyphs, font = tick_marks(reg)
    assert set(glyphs) == {"✓", "☐"}
    if font == reg:
        assert has_glyphs(reg, "✓☐")
    else:
        assert font == "ZapfDingbats"


def test_markdown_names_check_ins_by_label_and_question(store: JournalStore) -> None:
    _fill(store)
    md = render_markdown(export.collect(store))
    assert "| feeling grounded after a session | 1 |" in md
    assert "| How calm do you feel now? | 1 |" in md
    assert "- [x] Water, snacks and a blanket" in md
