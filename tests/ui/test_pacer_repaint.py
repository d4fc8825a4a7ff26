"""Partial repaints of the pacer leave exactly the picture a full repaint would draw."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QRegion
from PySide6.QtWidgets import QApplication

from kapcompanion.core.session import Session
from kapcompanion.core.timeline import compile_practice
from kapcompanion.ui.player.pacer import Pacer
from kapcompanion.ui.theme import apply_theme
from tests.ui.samples import SIGH, practice


def run_pacer(
    qtbot, times: list[float], reduced: bool = False, size: tuple[int, int] = (420, 380)
) -> Pacer:
    apply_theme(QApplication.instance(), "light", 1.0)
    now = [0.0]
    session = Session(compile_practice(practice(SIGH)), clock=lambda: now[0])
    session.play()
    pacer = Pacer()
    pacer.reduced_motion = reduced
    qtbot.addWidget(pacer)
    pacer.resize(*size)
    pacer.show()
    qtbot.waitExposed(pacer)
    for t in times:
        now[0] = t
        pacer.set_state(session.state())
        QApplication.processEvents()
    return pacer


def on_screen_equals_full_render(pacer: Pacer) -> bool:
    shown = pacer.screen().grabWindow(pacer.winId()).toImage()
    full = pacer.grab().toImage()
    return shown.convertToFormat(full.format()) == full


# through a two-part inhale, its top-up, the turn and down the exhale (cyclic sigh)
FRAMES = [10.0 + i / 60 for i in range(0, 9 * 60, 7)]
# every frame of a stretch, at 60 frames a second: the smallest changes of level
EVERY_FRAME = [12.0 + i / 60 for i in range(0, 4 * 60)]


@pytest.mark.parametrize("reduced", [False, True], ids=["circle", "bar"])
def test_partial_repaints_match_a_full_repaint(qtbot, reduced) -> None:
    pacer = run_pacer(qtbot, FRAMES, reduced)
    assert pacer.breathing
    assert on_screen_equals_full_render(pacer)


@pytest.mark.parametrize("size", [(420, 380), (901, 433), (260, 700)])
def test_every_frame_at_several_sizes_matches_a_full_repaint(qtbot, size) -> None:
    pacer = run_pacer(qtbot, EVERY_FRAME, size=size)
    assert pacer.size().toTuple() == size
    assert on_screen_equals_full_render(pacer)


def test_the_check_notices_a_region_that_is_too_small(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(Pacer, "dirty_region", lambda self, old: QRegion(QRect(0, 0, 4, 4)))
    pacer = run_pacer(qtbot, FRAMES[:20])
    assert not on_screen_equals_full_render(pacer)
