"""Duplicate and edit (the built-in stays as it was), and Preview from a chosen step."""

from __future__ import annotations

import hashlib

from kapcompanion.core.loader import check_text
from kapcompanion.core.session import Status
from kapcompanion.core.timeline import compile_practice
from kapcompanion.paths import user_practices_dir
from kapcompanion.ui.editor.editor_window import EditorWindow
from tests.ui.conftest import RecordingPlayer
from tests.ui.editor.conftest import Answers

GATED = """\
kapcompanion: 1
id: gated
title: Gated
category: integrate
summary: A question first, then guidance.
steps:
  - reflect:
      prompt: What is here?
  - say: First words.
    duration: 10s
  - silence: 20s
  - say: Last words.
    duration: 5s
"""


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_duplicate_of_a_built_in_makes_an_editable_copy_and_leaves_it_alone(
    win, launcher, qtbot
) -> None:
    win.reload_library()  # the real built-in library, with its files
    original = win.practices["grounding-54321"]
    before = _digest(original.source)
    win.detail.show_entry(win.entries["grounding-54321"])
    assert win.detail.duplicate.isVisibleTo(win)
    with qtbot.waitSignal(win.detail.duplicate_requested, timeout=1000):
        win.detail.duplicate.click()
    ed: EditorWindow = launcher.editors[-1]
    qtbot.addWidget(ed)
    ed.ask = Answers()
    assert ed.valid, ed.diagnostics
    assert ed.practice.id == "grounding-54321-copy"
    assert ed.practice.title == f"{original.title} (my version)"
    assert len(ed.practice.steps) == len(original.steps)
    assert ed.isWindowModified() is False  # nothing typed yet; it is a new file though
    ed.replace_text(ed.text.replace("(my version)", "(for Sam)"))
    assert ed.save()
    assert (user_practices_dir() / "grounding-54321-copy.yaml").is_file()
    assert _digest(original.source) == before  # the built-in file is untouched
    assert win.practices["grounding-54321"].title == original.title
    assert win.practices["grounding-54321-copy"].title.endswith("(for Sam)")
    again = launcher.duplicate("grounding-54321")
    qtbot.addWidget(again)
    again.ask = Answers()
    assert again.practice.id == "grounding-54321-copy-2"


def test_the_duplicate_button_shows_only_with_a_practice(win) -> None:
    win.detail.show_entry(None)
    assert not win.detail.duplicate.isVisibleTo(win)
    entry = next(iter(win.entries.values()))
    win.detail.show_entry(entry)
    assert win.detail.duplicate.isVisibleTo(win)
    assert win.detail.duplicate.accessibleDescription()


def test_new_practice_is_in_the_more_menu_with_ctrl_n(win, launcher, qtbot) -> None:
    (action,) = [a for a in win.more_menu.actions() if a.text() == "New practice…"]
    assert action.shortcut().toString() == "Ctrl+N"
    action.trigger()
    ed = launcher.editors[-1]
    qtbot.addWidget(ed)
    ed.ask = Answers()
    assert ed.isVisible() and ed.valid


def test_preview_plays_the_unsaved_draft_from_the_chosen_step(make_window, clock, qtbot) -> None:
    from kapcompanion.ui.editor import install

    player = RecordingPlayer()
    win = make_window(player_factory=lambda: player)
    launcher = install(win)
    ed = launcher.open_text(GATED.replace("Last words.", "Unsaved last words."))
    qtbot.addWidget(ed)
    ed.ask = Answers()
    ed.steps.select(2)
    ed.steps.preview.click()
    assert win.current_view() == "player"
    view = win.player
    assert view.practice.steps[3].text == "Unsaved last words."  # the draft, not a file
    assert not user_practices_dir().exists()
    timeline = compile_practice(view.practice)
    session = view.session
    assert session.current_step == 2
    assert session.position == timeline.steps[2].start == 10.0
    if view.pages.currentWidget() is view.rules_holder:
        view.rules.begin.click()
    clock.advance(win.settings.get_ready_seconds + 0.001)
    view.tick()
    assert session.status is Status.PLAYING  # the reflect gate before it was passed
    assert ("seek", 10.0) in player.calls
    clock.advance(5)
    view.tick()
    assert session.current_step == 2 and session.position == 15.0


def test_start_step_zero_and_past_the_end(make_window, clock) -> None:
    win = make_window()
    practice, _ = check_text(GATED, "gated.yaml")
    win.play(practice)
    assert win.player.session.position == 0 and win.player.session.current_step == 0
    win.player.start(practice, start_step=99)  # clamped to the last step
    assert win.player.session.current_step == 3
    assert win.player.session.position == 30.0


def test_preview_of_a_draft_with_errors_plays_the_last_valid_version(win, open_editor) -> None:
    ed = open_editor(GATED)
    ed.replace_text(ed.text.replace("duration: 5s", "duration: soon"))
    assert not ed.valid
    ed.steps.select(3)
    ed.preview()
    assert win.current_view() == "player"
    assert "last version without errors" in ed.banner.text()
    assert win.player.practice.steps[3].duration == 5.0


def test_edit_opens_the_users_own_file_and_copies_anything_else(win, launcher, qtbot) -> None:
    from kapcompanion.ui.editor.drafts import template

    folder = user_practices_dir()
    folder.mkdir(parents=True)
    mine = folder / "mine.yaml"
    mine.write_text(template("mine"), encoding="utf-8")
    win.reload_library()
    win.detail.show_entry(win.entries["mine"])
    ed = launcher.edit_selected()
    qtbot.addWidget(ed)
    ed.ask = Answers()
    assert ed.saved_path == mine and ed.practice.id == "mine"
    assert launcher.edit("mine") is ed  # already open: the same window comes forward
    ed.replace_text(ed.text.replace("My new practice", "Mine, edited"))
    assert ed.save()
    assert ed.ask.asked == []  # its own file, unchanged on disk: no question
    assert "Mine, edited" in mine.read_text(encoding="utf-8")
    assert win.practices["mine"].title == "Mine, edited"

    built_in = win.practices["exhale-4-6"]
    before = _digest(built_in.source)
    copy = launcher.edit("exhale-4-6")
    qtbot.addWidget(copy)
    copy.ask = Answers()
    assert copy.practice.id == "exhale-4-6-copy" and copy.saved_path is None
    assert "your copy" in copy.banner.text()
    assert _digest(built_in.source) == before


def test_the_editor_installs_through_the_extension_list(make_window) -> None:
    from kapcompanion.ui.extensions import INSTALLERS, install_all

    assert "kapcompanion.ui.editor" in INSTALLERS
    win = make_window()
    assert install_all(win, ["kapcompanion.ui.editor"]).failed == []
    texts = [a.text() for a in win.more_menu.actions()]
    assert "New practice…" in texts and "Edit practice…" in texts


def test_a_duplicate_brings_the_audio_it_names(win, launcher, tmp_path, qtbot) -> None:
    """A practice from elsewhere (a pack folder) with a voice clip: the copy plays it too."""
    from kapcompanion.audio.voice_clip import store_clip
    from kapcompanion.core.loader import check_file
    from tests.audio.test_voice_clip import speechlike

    folder = tmp_path / "pack"
    report = store_clip(speechlike(1.0, 44100), folder, "hello")
    (folder / "voiced.yaml").write_text(
        "kapcompanion: 1\nid: voiced\ntitle: Voiced\ncategory: anytime\nsummary: A clip.\n"
        f"steps:\n  - say: Hello.\n    voice: {report.relative_path}\n",
        encoding="utf-8",
    )
    practice, problems = check_file(folder / "voiced.yaml")
    assert practice is not None and not problems
    win.set_practices({"voiced": practice}, {"voiced": "From a pack"})
    ed = launcher.duplicate("voiced")
    qtbot.addWidget(ed)
    ed.ask = Answers()
    copied = user_practices_dir() / report.relative_path
    assert copied.read_bytes() == (folder / report.relative_path).read_bytes()
    assert ed.valid and ed.practice.steps[0].voice == copied
