"""Live checking while typing, the problems list, completion, the steps with their times."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from kapcompanion.core.errors import Diagnostic
from kapcompanion.core.loader import check_text
from kapcompanion.core.timeline import compile_practice
from kapcompanion.paths import user_practices_dir
from kapcompanion.ui.editor.code_edit import marks_for
from kapcompanion.ui.editor.drafts import template
from kapcompanion.ui.editor.live_check import INLINE_LIMIT, run_check
from kapcompanion.ui.editor.step_panel import clock_text

RICH = """\
kapcompanion: 1
id: rich
title: Rich
category: prepare
summary: Many kinds of step.
steps:
  - say: Welcome. Settle in.
    duration: 12s
  - repeat: 2
    steps:
      - breathe: {inhale: 4, exhale: 6, cycles: 3}
      - silence: 20s
  - reflect:
      prompt: What is here now?
      save_as: here
  - say: "You wrote: {here}"
  - bell: singing-bowl
"""


def _cursor_at_end_of_line(ed, line: int) -> None:
    block = ed.edit.document().findBlockByNumber(line - 1)
    cur = QTextCursor(block)
    cur.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    ed.edit.setTextCursor(cur)
    ed.edit.setFocus()


def test_the_template_is_valid(open_editor) -> None:
    text = template("my-practice")
    item, diagnostics = check_text(text, "t.yaml")
    assert item is not None and diagnostics == []
    ed = open_editor()
    assert ed.valid and ed.diagnostics == []
    assert ed.summary.text() == "No problems — ready to save."
    assert ed.problems.count() == 0
    assert ed.edit.marks == []


def test_typing_an_error_marks_its_line_after_the_pause_and_fixing_clears_it(
    open_editor, qtbot
) -> None:
    ed = open_editor()
    _cursor_at_end_of_line(ed, 4)  # category: anytime   # comment
    ed.edit.moveCursor(QTextCursor.MoveOperation.StartOfBlock)
    for _ in range(len("category: anytime")):
        ed.edit.moveCursor(QTextCursor.MoveOperation.Right)
    qtbot.keyClicks(ed.edit, "x")
    assert ed.timer.isActive()  # debounced: not checked on the keystroke itself
    assert ed.diagnostics == []
    qtbot.waitUntil(lambda: bool(ed.diagnostics), timeout=3000)
    (d,) = ed.diagnostics
    assert (d.line, d.col, d.is_error) == (4, 11, True)
    assert "anytimex" in d.message
    (mark,) = ed.edit.marks
    assert (mark.block, mark.start, mark.end) == (3, 10, len("category: anytimex"))
    assert ed.problems.count() == 1
    assert ed.problems.item(0).text().startswith("✕ line 4, column 11 — error:")
    assert not ed.valid
    assert ed.steps.stale.isVisibleTo(ed)  # steps still shown, from the last valid text
    assert ed.steps.row_count() == 4

    qtbot.keyClick(ed.edit, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: not ed.diagnostics, timeout=3000)
    assert ed.edit.marks == [] and ed.problems.count() == 0 and ed.valid
    assert not ed.steps.stale.isVisibleTo(ed)


def test_a_warning_shows_its_hint_and_enter_jumps_to_it(open_editor, qtbot) -> None:
    ed = open_editor()
    ed.replace_text(ed.text.replace("exhale: 6,", "hold: 12, exhale: 6,"))
    (d,) = ed.diagnostics
    assert not d.is_error and d.hint
    item = ed.problems.item(0)
    assert item.text().startswith(f"! line {d.line}, column {d.col} — warning:")
    assert f"Hint: {d.hint}" in item.text()
    ed.edit.go_to(1, 1)
    ed.problems.setFocus()
    ed.problems.setCurrentRow(0)
    qtbot.keyClick(ed.problems, Qt.Key.Key_Return)
    cur = ed.edit.textCursor()
    assert (cur.blockNumber() + 1, cur.positionInBlock() + 1) == (d.line, d.col)
    assert ed.edit.hasFocus()


def test_a_yaml_syntax_error_is_shown_without_losing_the_steps(open_editor) -> None:
    ed = open_editor()
    ed.replace_text(ed.text + "  - say: [unclosed\n")
    assert ed.diagnostics and ed.diagnostics[0].is_error
    assert ed.edit.marks[0].block >= 10
    assert ed.steps.row_count() == 4  # the last valid version


def test_completion_offers_step_kinds_and_inserts_one(open_editor, qtbot) -> None:
    ed = open_editor()
    cur = ed.edit.textCursor()
    cur.movePosition(QTextCursor.MoveOperation.End)
    ed.edit.setTextCursor(cur)
    ed.edit.setFocus()
    qtbot.keyClicks(ed.edit, "  - ")
    qtbot.keyClick(ed.edit, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    popup = ed.completer.popup()
    assert popup.isVisible()
    model = ed.completer.completionModel()
    offered = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert offered == [
        "say",
        "breathe",
        "silence",
        "bell",
        "reflect",
        "check_in",
        "checklist",
        "repeat",
    ]
    qtbot.keyClicks(ed.edit, "si")
    model = ed.completer.completionModel()
    assert [model.index(i, 0).data() for i in range(model.rowCount())] == ["silence"]
    ed.completer.activated.emit("silence")
    assert ed.text.endswith("  - silence: ")
    qtbot.keyClicks(ed.edit, "10s")
    ed.check_now()
    assert ed.valid
    assert ed.practice.steps[-1].duration == 10.0


def test_completion_knows_keys_and_values_by_place(open_editor, qtbot) -> None:
    ed = open_editor()
    _cursor_at_end_of_line(ed, 7)  # the say step
    qtbot.keyClick(ed.edit, Qt.Key.Key_Return)  # keeps the indentation of the step's keys
    s = ed.completer.current()
    assert s.words == ("voice", "duration") and s.is_key
    qtbot.keyClicks(ed.edit, "du")
    assert ed.completer.popup().isVisible()  # two letters of a known key: offered unasked
    ed.completer.activated.emit("duration")
    assert "    duration: \n" in ed.text + "\n"
    ed.edit.setPlainText("category: ")
    ed.edit.moveCursor(QTextCursor.MoveOperation.End)
    assert ed.completer.current().words == ("prepare", "anytime", "integrate")


def test_step_panel_times_match_the_compiled_timeline(open_editor) -> None:
    ed = open_editor(RICH)
    assert ed.valid
    timeline = compile_practice(ed.practice)
    panel = ed.steps
    assert panel.row_count() == len(timeline.steps) == 8
    for row, span in enumerate(timeline.steps):
        assert panel.cell(row, 0) == str(span.index + 1)
        assert panel.cell(row, 2) == clock_text(span.start)
        expected = "waits for you" if span.interactive else clock_text(span.end - span.start)
        assert panel.cell(row, 3) == expected
    assert panel.cell(1, 3) == "0:30"  # 3 breaths of 10 s
    assert panel.cell(5, 2) == clock_text(12 + 2 * (30 + 20))
    assert ed.steps.total.text() == f"8 steps · about {clock_text(timeline.total)} in all"
    # a change that moves every later step: the list follows
    ed.replace_text(ed.text.replace("duration: 12s", "duration: 20s"))
    assert panel.cell(5, 2) == clock_text(20 + 2 * (30 + 20))
    assert panel.selected == 0


def test_choosing_a_step_shows_its_voice_state(open_editor) -> None:
    ed = open_editor(RICH)
    ed.steps.select(1)
    assert "not a guidance step" in ed.voice.what.text()
    assert not ed.voice.import_.isEnabled()
    ed.steps.select(0)
    assert "no voice yet" in ed.voice.what.text()
    assert ed.voice.import_.isEnabled() and not ed.voice.remove.isEnabled()


def _long_text(steps: int = 400) -> str:
    head = "kapcompanion: 1\nid: long\ntitle: Long\ncategory: anytime\nsummary: Long.\nsteps:\n"
    body = "".join(
        f"  - say: Let your shoulders soften, breath {i}, nothing to change at all.\n"
        "    duration: 5s\n"
        for i in range(steps)
    )
    return head + body


def test_a_long_practice_is_checked_in_the_helper_and_the_result_comes_back(
    open_editor, qtbot
) -> None:
    text = _long_text()
    assert len(text) > INLINE_LIMIT
    ed = open_editor(text)
    assert ed.valid and ed.steps.row_count() == 400
    _cursor_at_end_of_line(ed, 5)  # summary: Long.
    ed.edit.moveCursor(QTextCursor.MoveOperation.StartOfBlock)
    qtbot.keyClicks(ed.edit, "x")  # "xsummary" is not a known key
    assert ed.timer.isActive()
    qtbot.waitUntil(lambda: bool(ed.diagnostics), timeout=15000)
    assert [d.line for d in ed.diagnostics] == [1, 5]  # summary missing; "xsummary" unknown
    assert [m.block for m in ed.edit.marks] == [0, 4]
    qtbot.keyClick(ed.edit, Qt.Key.Key_Backspace)
    qtbot.waitUntil(lambda: not ed.diagnostics and ed.valid, timeout=15000)


def test_a_result_for_older_text_is_not_shown(open_editor, qtbot) -> None:
    ed = open_editor()
    good = ed.text
    stale = run_check(good.replace("category: anytime", "category: later"))
    ed._background_done(stale)  # the text has moved on since that check started
    assert ed.diagnostics == [] and ed.valid
    results = []
    ed.background.finished.connect(results.append)
    soon = good.replace("category: anytime", "category: soon")
    ed.background.request(soon)
    ed.background.request(good)  # typed again, usually before the first came back
    qtbot.waitUntil(lambda: any(r.text == good for r in results), timeout=15000)
    qtbot.wait(200)
    # On a busy machine the first check can finish before the second request is made; its
    # result was then the newest and may be shown. Never after the newer text's result.
    assert [r.text for r in results] in ([good], [soon, good])


def test_marks_cover_a_key_or_a_value_but_not_a_comment() -> None:
    lines = ["steps:", "  - sya: hello there", "category: later   # prepare | anytime"]
    marks = marks_for(
        [
            Diagnostic("x.yaml", 2, 5, "error", 'unknown step kind "sya"'),
            Diagnostic("x.yaml", 3, 11, "error", 'category "later" is not known'),
        ],
        lines,
    )
    assert [(m.block, m.start, m.end) for m in marks] == [(1, 4, 7), (2, 10, 15)]


PROGRAM = """\
kapcompanion: 1
kind: program
id: my-week
title: My week
days:
  - {day: -3, practices: [cyclic-sigh]}
  - day: 0
    when: before
    practices: [exhale-4-6]
"""


def test_a_program_is_checked_and_its_keys_are_offered(open_editor, qtbot) -> None:
    ed = open_editor(PROGRAM)
    assert [d for d in ed.diagnostics if d.is_error] == []
    assert "A program over 2 day(s)" in ed.steps.total.text()
    assert not ed.steps.preview.isEnabled()
    assert ed.completer.current().words  # cursor at the start: top-level keys
    ed.edit.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(ed.edit, "  - ")
    assert ed.completer.current().words == ("day", "when", "practices", "note")
    ed.replace_text(PROGRAM + "  - day: 0\n    when: ")
    ed.edit.moveCursor(QTextCursor.MoveOperation.End)
    assert ed.completer.current().words == ("before", "after")
    ed.replace_text(ed.text + "after\n    practices: [landing]\n")
    assert ed.diagnostics == []
    assert ed.save()
    assert ed.ask.asked == []
    assert (user_practices_dir() / "my-week.yaml").is_file()
    ed.replace_text(template("back-to-a-practice"))  # a practice again: its steps return
    assert ed.steps.row_count() == 4 and ed.steps.preview.isEnabled()
