"""The fast PDF text block: wrapping keeps every word and fits the width; pages split well."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.colors import black

from kapcompanion.journal import history
from kapcompanion.journal.demo import fill_demo
from kapcompanion.journal.export_pdf import fonts
from kapcompanion.journal.pdf_text import KEEP_WHOLE, TextBlock, TextLine, width_of, wrap

ROOT = Path(__file__).resolve().parents[2]


@settings(max_examples=80, deadline=None)
@given(
    text=st.text(
        st.characters(codec="latin-1", exclude_categories=("Cc", "Zl", "Zp")), max_size=400
    ),
    width=st.floats(40, 400),
)
def test_wrap_fits_the_width_and_keeps_every_character(text, width):
    font = fonts()[0]
    lines = wrap(text, font, 9.5, width)
    assert all(
        width_of(line, font, 9.5) <= width + 1e-6 or (" " not in line and len(line) == 1)
        for line in lines
    )
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_wrap_keeps_paragraphs_apart():
    font = fonts()[0]
    assert wrap("one\n\ntwo", font, 10, 300) == ["one", "", "two"]


def _block(n: int) -> TextBlock:
    return TextBlock([TextLine(f"line {i}", fonts()[0], 9.5, black, 13) for i in range(n)], 5)


def test_short_blocks_move_whole_and_long_ones_split_at_lines():
    short = _block(KEEP_WHOLE)
    assert short.split(400, 13 * 3) == []
    long = _block(30)
    first, rest = long.split(400, 13 * 10 + 1)
    assert len(first.lines) == 10 and len(rest.lines) == 20
    assert long.wrap(400, 1000) == (400, 30 * 13 + 5)
    assert long.split(400, 13) == []  # never leave a single line behind


def test_the_demo_journal_feeds_every_picture(store):
    made = fill_demo(store, 300, date(2026, 11, 28))
    assert made == store.count_entries() >= 300
    assert history.who5_series(store) and history.before_after_pairs(store)
    assert any(h.practices for h in history.month_heatmap(store, 2026, 11))
    assert len(store.sessions()) >= 1 and store.intention_for(store.sessions()[0].id)


def test_the_journal_imports_neither_qt_nor_pygame():
    code = (
        "import sys, importlib, pkgutil, kapcompanion.journal as j\n"
        "for m in pkgutil.iter_modules(j.__path__):\n"
        "    importlib.import_module('kapcompanion.journal.' + m.name)\n"
        "bad = [n for n in sys.modules if n.split('.')[0] in ('PySide6', 'pygame')]\n"
        "print(bad)\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert r.stdout.strip() == "[]"
