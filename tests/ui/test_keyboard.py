"""Keyboard only: every control reachable, named, with a visible focus ring."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from kapcompanion.core.session import Status
from kapcompanion.settings import Settings
from tests.ui.conftest import at

CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSlider, QPlainTextEdit)


def focus_chain(start: QWidget, limit: int = 80) -> list[QWidget]:
    """Widgets met pressing Tab from ``start`` until the focus comes round again."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen: list[QWidget] = []
    for _ in range(limit):
        w = start.window().focusWidget()
        if w is None or (seen and w is seen[0]):
            break
        seen.append(w)
        w.focusNextPrevChild(True)
    return seen


def shown_controls(root: QWidget) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, CONTROLS)
        and w.isVisible()
        and w.isEnabled()
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.objectName().startswith("qt_")
        and not type(w).__name__.startswith("QScrollBar")
    ]


def assert_all_reachable_and_named(root: QWidget, start: QWidget) -> None:
    chain = focus_chain(start)
    for w in shown_controls(root):
        assert w in chain, f"{type(w).__name__} {w.accessibleName()!r} not reachable by Tab"
        assert w.accessibleName(), (
            f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r} has no accessible name"
        )


def test_library_controls_reachable_and_named(make_window) -> None:
    win = make_window()
    assert_all_reachable_and_named(win, win.library.search)


def test_player_and_gate_controls_reachable_and_named(make_window, clock) -> None:
    win = make_window(replace(Settings(), get_ready_seconds=0))
    win.start_practice("intention-setting")
    view = win.player
    at(win, clock, 3.0)
    assert_all_reachable_and_named(win, view.play_button)
    at(win, clock, 9.0)
    assert view.gate is not None
    assert_all_reachable_and_named(win, view.gate.edit)
    view.gate.continue_button.click()
    at(win, clock, 15.0)
    assert_all_reachable_and_named(win, view.gate.slider)
    view.gate.continue_button.click()
    view.tick()
    assert_all_reachable_and_named(win, view.gate.boxes[0])


def test_focus_ring_is_visible(make_window, clock) -> None:
    win = make_window(replace(Settings(), get_ready_seconds=0, theme="light"))
    button = win.settings_button
    win.library.list.setFocus()
    QApplication.processEvents()
    plain = button.grab().toImage()
    button.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    ringed = button.grab().toImage()
    assert plain != ringed
    # the ring is the theme's focus colour on the button's edge, not a faint tint
    edge = ringed.pixelColor(ringed.width() // 2, 1).name().upper()
    assert edge == "#B8572E"


def test_walk_through_with_the_keyboard_only(make_window, clock, qtbot, store) -> None:
    win = make_window(replace(Settings(), get_ready_seconds=0))
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is win.library.search
    qtbot.keyClicks(win.library.search, "box")
    qtbot.keyClick(win.library.search, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is win.library.list
    assert win.library.current_id() == "box-4"
    qtbot.keyClick(win.library.list, Qt.Key.Key_Return)
    view = win.player
    assert view.pages.currentWidget() is view.rules_holder
    assert QApplication.focusWidget() is view.rules.begin
    qtbot.keyClick(view.rules.begin, Qt.Key.Key_Space)
    assert view.session.status is Status.PLAYING
    focus = QApplication.focusWidget()
    assert focus is view.play_button
    clock.advance(5)
    qtbot.keyClick(focus, Qt.Key.Key_Space)
    assert view.session.status is Status.PAUSED
    qtbot.keyClick(focus, Qt.Key.Key_Space)
    assert view.session.status is Status.PLAYING
    qtbot.keyClick(focus, Qt.Key.Key_Right)  # one step only: skip goes to the end
    assert view.pages.currentIndex() == 3
    assert QApplication.focusWidget() is view.end_view.again or view.end_view.done.hasFocus()
    qtbot.keyClick(view.end_view.again, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    view.end_view.again.setFocus()
    qtbot.keyClick(view.end_view.again, Qt.Key.Key_Return)
    assert view.pages.currentWidget() is view.rules_holder  # not dismissed: shown again
    qtbot.keyClick(view.rules.begin, Qt.Key.Key_Return)
    focus = QApplication.focusWidget()
    clock.advance(20)
    view.tick()
    qtbot.keyClick(focus, Qt.Key.Key_Left)
    assert view.session.position == 0.0
    qtbot.keyClick(focus, Qt.Key.Key_M)
    assert store.load().muted
    qtbot.keyClick(focus, Qt.Key.Key_Plus)
    assert store.load().volumes.master == 0.9 and not store.load().muted
    qtbot.keyClick(focus, Qt.Key.Key_Minus)
    assert store.load().volumes.master == 0.8
    clock.advance(40)
    view.tick()
    qtbot.keyClick(focus, Qt.Key.Key_Escape)
    assert view.confirm.isVisible()
    assert QApplication.focusWidget() is view.keep_going
    qtbot.keyClick(view.keep_going, Qt.Key.Key_Space)
    assert view.session.status is Status.PLAYING
    qtbot.keyClick(view.play_button, Qt.Key.Key_Escape)
    view.confirm_stop.setFocus()
    qtbot.keyClick(view.confirm_stop, Qt.Key.Key_Space)
    assert view.pages.currentIndex() == 3
    qtbot.keyClick(view.end_view.done, Qt.Key.Key_Return)
    assert win.current_view() == "library"
    qtbot.keyClick(win, Qt.Key.Key_F1)
    assert win.help_panel is not None and win.help_panel.isVisible()
    qtbot.keyClick(win.help_panel.close_button, Qt.Key.Key_Escape)
    assert not win.help_panel.isVisible()


def test_gates_by_keyboard(make_window, clock, qtbot) -> None:
    win = make_window(replace(Settings(), get_ready_seconds=0))
    win.start_practice("intention-setting")
    view = win.player
    at(win, clock, 9.0)
    edit = view.gate.edit
    assert QApplication.focusWidget() is edit
    qtbot.keyClicks(edit, "Be kind to myself")  # spaces type, they do not pause
    assert edit.toPlainText() == "Be kind to myself"
    assert view.session.status is Status.WAITING
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.session.values["intention"] == "Be kind to myself"
    at(win, clock, 15.0)
    slider = view.gate.slider
    assert QApplication.focusWidget() is slider
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert view.gate.value_label.text() == "7 of 10"
    qtbot.keyClick(slider, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.gate.continue_button
    qtbot.keyClick(view.gate.continue_button, Qt.Key.Key_Space)
    assert view.session.values["settled"] == 7
    view.tick()
    box = view.gate.boxes[0]
    assert QApplication.focusWidget() is box
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked()


def test_space_presses_a_focused_button_and_esc_cancels_the_question(make_window, clock, qtbot):
    win = make_window(replace(Settings(), get_ready_seconds=0, rules_dismissed=("cyclic-sigh",)))
    win.start_practice("cyclic-sigh")
    view = win.player
    at(win, clock, 2.0)
    view.skip_button.setFocus()
    qtbot.keyClick(view.skip_button, Qt.Key.Key_Space)
    assert view.session.status is Status.PLAYING  # not paused: the button was pressed
    assert view.session.position == 10.0
    at(win, clock, 35.0)
    qtbot.keyClick(view.skip_button, Qt.Key.Key_Escape)
    assert view.confirm.isVisible() and view.session.status is Status.PAUSED
    qtbot.keyClick(view.keep_going, Qt.Key.Key_Escape)
    assert not view.confirm.isVisible() and view.session.status is Status.PLAYING
