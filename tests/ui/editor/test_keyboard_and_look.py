"""The editor by keyboard, its colours in both themes, and the recording dialog's states."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kapcompanion.ui.editor.recorder import RecordDialog
from kapcompanion.ui.editor.yaml_highlighter import COLOURS


def test_tab_indents_and_ctrl_tab_moves_on(open_editor, qtbot) -> None:
    ed = open_editor()
    ed.edit.setFocus()
    ed.edit.go_to(1, 1)
    qtbot.keyClick(ed.edit, Qt.Key.Key_Tab)
    assert ed.text.startswith("  kapcompanion")  # two spaces, never a tab character
    assert "\t" not in ed.text
    qtbot.keyClick(ed.edit, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert not ed.edit.hasFocus()
    assert QApplication.focusWidget() is not None
    ed.edit.setFocus()
    qtbot.keyClick(ed.edit, Qt.Key.Key_F8)
    assert ed.problems.hasFocus()


def test_every_control_has_an_accessible_name(open_editor) -> None:
    ed = open_editor()
    for widget in (
        ed.edit,
        ed.problems,
        ed.steps.tree,
        ed.steps.preview,
        ed.voice.record,
        ed.voice.import_,
        ed.voice.remove,
    ):
        assert widget.accessibleName(), widget
    assert ed.save_button.text() == "Save" and ed.save_button.accessibleDescription()


def test_colours_follow_the_theme(win, open_editor) -> None:
    ed = open_editor()
    light_key = ed.highlighter.key.foreground().color().name().upper()
    assert light_key == COLOURS["light"][0].upper()
    win.set_settings(replace(win.settings, theme="dark"))
    assert ed.highlighter.key.foreground().color().name().upper() == COLOURS["dark"][0].upper()


def test_the_record_dialog_without_a_microphone_stays_safe(qtbot) -> None:
    dlg = RecordDialog([])
    qtbot.addWidget(dlg)
    dlg.record.click()  # nothing to record from: no crash, nothing recorded
    assert dlg.samples is None
    assert not dlg.use.isEnabled() and not dlg.listen.isEnabled()
    assert dlg.meter.accessibleName() == "Input level"
    dlg.reject()


def test_larger_text_widens_the_gutter_and_the_step_columns(win, open_editor, qtbot) -> None:
    ed = open_editor()
    gutter, starts = ed.edit.gutter_width(), ed.steps.tree.columnWidth(2)
    win.set_settings(replace(win.settings, text_scale=1.6))
    qtbot.waitUntil(lambda: ed.edit.gutter_width() > gutter, timeout=2000)
    assert ed.steps.tree.columnWidth(2) > starts
    header = ed.steps.tree.header()
    assert ed.steps.tree.columnWidth(2) >= header.fontMetrics().horizontalAdvance("Starts")
    assert ed.edit.viewportMargins().left() == ed.edit.gutter_width()
