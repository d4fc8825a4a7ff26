"""Take the README screenshots of the desktop app, in light and dark.

Usage: python tools/screenshots.py [OUT_DIR]   (default docs/img)

Runs offscreen against the built-in library, with a private temporary data dir, and a
hand-moved clock so each picture shows a known moment (the pacer mid-inhale, a
reflection, the end screen).
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
os.environ["KAPCOMPANION_DATA_DIR"] = tempfile.mkdtemp(prefix="kap-shots-")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a source checkout without installing
    sys.path.insert(0, str(ROOT))

from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kapcompanion.core.model import Phase  # noqa: E402
from kapcompanion.core.packs import SigningStore  # noqa: E402
from kapcompanion.paths import data_folders  # noqa: E402
from kapcompanion.settings import Settings, SettingsStore  # noqa: E402
from kapcompanion.ui.library_source import load_library  # noqa: E402
from kapcompanion.ui.main_window import MainWindow  # noqa: E402

log = logging.getLogger(__name__)

SIZE = (1280, 820)
BREATH_ID = "cyclic-sigh"
REFLECT_ID = "intention-setting"
EDIT_ID = "exhale-4-6"
SAMPLE_INTENTION = "To meet whatever comes with curiosity and kindness."


class HandClock:
    """A clock the script moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        """The time now, in seconds."""
        return self.now


def settle(ms: int = 700) -> None:
    """Let fades and layout finish."""
    QTest.qWait(ms)


def go_to(win: MainWindow, clock: HandClock, position: float) -> None:
    """Move the session to ``position`` seconds and draw."""
    session = win.player.session
    assert session is not None
    clock.now += position - session.position
    win.player.tick()


def shoot(theme: str, out: Path) -> list[Path]:
    """All screenshots for one theme."""
    library = load_library()
    practices = library.for_language("en")
    if BREATH_ID not in practices or REFLECT_ID not in practices:
        raise SystemExit(f"the built-in library lacks {BREATH_ID} or {REFLECT_ID}")
    clock = HandClock()
    store = SettingsStore(Path(os.environ["KAPCOMPANION_DATA_DIR"]) / f"settings-{theme}.json")
    settings = replace(
        Settings(),
        theme=theme,
        get_ready_seconds=0,
        rules_dismissed=(BREATH_ID, REFLECT_ID),
        last_view=f"practice:{BREATH_ID}",
    )
    win = MainWindow(library=library, store=store, settings=settings, clock=clock)
    win.resize(*SIZE)
    win.show()
    settle()
    shots: list[Path] = []

    def save(name: str, widget: object = None) -> None:
        path = out / f"{name}-{theme}.png"
        (widget or win).grab().save(str(path))  # type: ignore[union-attr]
        shots.append(path)

    win.library.select(BREATH_ID)
    settle()
    save("library")

    win.start_practice(BREATH_ID)
    timeline = win.player.session.timeline  # type: ignore[union-attr]
    inhale = next(s for s in timeline.segments if s.phase is Phase.INHALE and s.cycle == 2)
    go_to(win, clock, inhale.start + inhale.duration * 0.6)
    settle()
    go_to(win, clock, inhale.start + inhale.duration * 0.6)
    save("player")

    win.player.leave()
    win.start_practice(REFLECT_ID)
    timeline = win.player.session.timeline  # type: ignore[union-attr]
    gate = timeline.gates[0]
    go_to(win, clock, gate.start + 0.01)
    assert win.player.gate is not None
    win.player.gate.edit.setPlainText(SAMPLE_INTENTION)  # type: ignore[attr-defined]
    settle()
    save("reflect")

    win.player.gate.finish()
    while win.player.gate is not None or win.player.running:
        if win.player.gate is not None:
            win.player.gate.finish()
        else:
            clock.now += 5
            win.player.tick()
    settle()
    save("end")

    win.show_library()
    panel = win.show_help()
    panel.resize(620, 760)
    settle()
    save("help", panel)
    panel.close()
    shoot_editor(win, save)
    win.close()
    return shots


def shoot_journal(theme: str, out: Path) -> list[Path]:
    """The Journal and History pages and the export preview, with a demo journal."""
    from kapcompanion.journal.demo import fill_demo
    from kapcompanion.journal.store import JournalStore
    from kapcompanion.ui.journal_pages import install
    from kapcompanion.ui.journal_pages.export_dialog import ExportDialog

    store = SettingsStore(Path(os.environ["KAPCOMPANION_DATA_DIR"]) / f"journal-{theme}.json")
    settings = replace(Settings(), theme=theme, show_days_in_a_row=True)
    win = MainWindow(library=load_library(), store=store, settings=settings)
    pages = install(win)
    journal = JournalStore.open()
    if journal.count_entries() == 0:
        fill_demo(journal, 240)
    win.journal = journal
    win.hub.journal_changed.emit(journal)
    win.resize(*SIZE)
    win.show()
    win.show_page("journal")
    view = pages.journal
    pick = next(e for e in view.visible_entries()[5:] if e.kind == "reflect")
    view.select(pick.id)
    settle()
    shots = [out / f"journal-{theme}.png", out / f"history-{theme}.png"]
    win.grab().save(str(shots[0]))
    win.show_page("history")
    pages.history.body.verticalScrollBar().setValue(0)
    settle()
    win.grab().save(str(shots[1]))
    pages.history.body.verticalScrollBar().setValue(720)
    settle()
    shots.append(out / f"history-charts-{theme}.png")
    win.grab().save(str(shots[-1]))
    bar = pages.history.body.verticalScrollBar()
    bar.setValue(bar.maximum())
    settle()
    shots.append(out / f"history-wellbeing-{theme}.png")
    win.grab().save(str(shots[-1]))
    dlg = ExportDialog(journal, pages.titles(), win)
    dlg.leave_out(dlg.entry_ids()[1])
    dlg.show()
    settle()
    shots.append(out / f"export-preview-{theme}.png")
    dlg.grab().save(str(shots[-1]))
    dlg.close()
    win.close()
    journal.close()
    return shots


def _voice_take(path: Path) -> Path:
    """A short synthetic "voice" (a gliding hum in syllables) with silence around it."""
    import numpy as np
    import soundfile as sf

    rate = 44100
    t = np.arange(int(2.2 * rate)) / rate
    hum = np.sin(2 * np.pi * np.cumsum(160 + 30 * np.sin(2 * np.pi * 0.8 * t)) / rate)
    words = np.clip(np.sin(2 * np.pi * 2.7 * t), 0, None) ** 0.6
    quiet = np.zeros(int(0.8 * rate))
    sf.write(path, np.concatenate([quiet, 0.2 * hum * words, quiet]), rate)
    return path


def shoot_editor(win: MainWindow, save: Callable[[str, object], None]) -> None:
    """The practice editor: a duplicated built-in with a live error, then its voice panel."""
    from kapcompanion.ui.editor import install

    editor = install(win).duplicate(EDIT_ID)
    assert editor is not None
    editor.ask = lambda *_args: "discard"
    editor.resize(*SIZE)
    text = editor.text
    broken = text.replace("  - say: If it feels", "  - sya: If it feels", 1)
    editor.replace_text(broken.replace("cycles: 30", "cycles: 30\n      hold: 12", 1))
    editor.steps.select(3)
    editor.edit.go_to(editor.diagnostics[0].line, editor.diagnostics[0].col)
    settle()
    save("editor", editor)

    editor.replace_text(text)
    first_say = next(
        i for i, st in enumerate(editor.practice.steps) if type(st).__name__ == "SayStep"
    )
    editor.steps.select(first_say)
    take = _voice_take(Path(os.environ["KAPCOMPANION_DATA_DIR"]) / "welcome.wav")
    editor.voice_actions.import_voice(take)
    editor.voice.set_microphone(False)
    settle()
    save("editor-voice", editor)
    editor.close()


def shoot_journey(theme: str, out: Path) -> list[Path]:
    """Today (with a session and an intention), the sessions and privacy dialogs."""
    from datetime import date, datetime, time, timedelta

    from kapcompanion.ui.journey import install
    from kapcompanion.ui.journey.privacy import PrivacyDialog
    from kapcompanion.ui.journey.sessions_dialog import SessionsDialog

    day = date(2026, 11, 29)

    def now() -> datetime:
        return datetime.combine(day, time(10, 30)).astimezone()

    data = Path(os.environ["KAPCOMPANION_DATA_DIR"])
    store = SettingsStore(data / f"settings-journey-{theme}.json")
    settings = replace(Settings(), theme=theme, show_days_in_a_row=True)
    win = MainWindow(library=load_library(), store=store, settings=settings)
    journey = install(win, now=now, path=data / f"journal-{theme}.sqlite3")
    journal = win.journal
    assert journal is not None
    journal.add_session(day - timedelta(days=40), "first session")
    journal.mark_session_done(journal.sessions()[0].id)
    journal.add_session(day + timedelta(days=3), "with Dr. Rivera")
    journal.record_answer(
        "intention-setting", 14, "intention", "reflect", SAMPLE_INTENTION, at=now()
    )
    journal.log_practice("calm-place", now() - timedelta(minutes=8), 420, True)
    journal.log_practice("calm-place", now() - timedelta(days=1), 420, True)
    win.resize(*SIZE)
    win.show()
    journey.today.refresh()
    settle()
    shots: list[Path] = []

    def save(name: str, widget: object) -> None:
        path = out / f"{name}-{theme}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        shots.append(path)

    save("today", win)
    dialog = SessionsDialog(journey.link, journey.programs(), journey.link.today, win)
    dialog.list.setCurrentRow(1)
    dialog.show()
    settle()
    save("sessions", dialog)
    dialog.close()
    privacy = PrivacyDialog(journey.link, win)
    privacy.show()
    settle()
    save("privacy", privacy)
    privacy.close()
    from kapcompanion.ui.journey.passphrase import NEW, PassphraseDialog

    ask = PassphraseDialog(NEW, parent=win)
    ask.show()
    settle()
    save("passphrase", ask)
    ask.close()
    win.close()
    return shots


def shoot_spanish(theme: str, out: Path) -> list[Path]:
    """The player with Spanish practices: the longest safety words, and a breath label."""
    from kapcompanion.core.library import Library

    lib = Library.load(data_folders(), user=False, packs=False)
    practices = lib.for_language("es")
    store = SettingsStore(Path(os.environ["KAPCOMPANION_DATA_DIR"]) / f"settings-es-{theme}.json")
    settings = replace(
        Settings(), theme=theme, get_ready_seconds=0, rules_dismissed=tuple(practices)
    )
    clock = HandClock()
    win = MainWindow(
        practices,
        origins=lib.origins_for_language("es"),
        store=store,
        settings=settings,
        clock=clock,
    )
    win.resize(*SIZE)
    win.show()
    settle()
    shots: list[Path] = []

    def save(name: str) -> None:
        path = out / f"{name}-{theme}.png"
        win.grab().save(str(path))
        shots.append(path)

    win.start_practice("box-breathing")
    timeline = win.player.session.timeline  # type: ignore[union-attr]
    said = max(timeline.segments[:8], key=lambda s: len(s.text))
    go_to(win, clock, said.start + 1.0)
    settle()
    go_to(win, clock, said.start + 1.0)
    save("player-es-safety")
    hold = next(s for s in timeline.segments if s.phase is Phase.HOLD and s.cycle == 2)
    go_to(win, clock, hold.start + hold.duration * 0.5)
    settle()
    go_to(win, clock, hold.start + hold.duration * 0.5)
    save("player-es-breath")
    win.player.leave()
    shots.append(shoot_help_es(theme, out, settings))
    win.close()
    return shots


def shoot_help_es(theme: str, out: Path, settings: Settings) -> Path:
    """Get help now in Spanish, with Mexico's lines (the interface translated)."""
    from kapcompanion.ui.help_panel import HelpPanel
    from kapcompanion.ui.i18n import install_translations

    app = QApplication.instance()
    assert app is not None
    install_translations(app, "es")
    try:
        panel = HelpPanel(replace(settings, help_country="MX", clinic_number="555-0199"))
        panel.show()
        settle()
        path = out / f"help-es-{theme}.png"
        panel.grab().save(str(path))
        panel.close()
    finally:
        install_translations(app, "en")
    return path


PACK_PRACTICE = """\
kapcompanion: 1
id: {id}
title: {title}
category: {category}
summary: {summary}
steps:
  - say: Welcome. Settle in however feels right; you can open your eyes at any time.
    voice: audio/{id}.ogg
  - breathe:
      inhale: 4
      exhale: 6
      cycles: 12
"""
PACK_MESSAGE = (
    "Here are the practices we tried together last week, in my voice.\n"
    "Use them whenever it feels right, and leave any that don't. We can talk about "
    "how they went at our next session."
)


def _therapist_practices() -> None:
    """Two of the therapist's own practices with a (generated) voice clip each."""
    import numpy as np
    import soundfile as sf

    from kapcompanion.paths import user_practices_dir

    folder = user_practices_dir()
    (folder / "audio").mkdir(parents=True, exist_ok=True)
    rate = 22050
    t = np.arange(rate * 20) / rate
    tone = (0.1 * np.sin(2 * np.pi * 220 * t)).astype("float32")
    for pid, title, category, summary in (
        ("rivera-arrival", "Arriving, with Sam", "prepare", "A few slow breaths as you arrive."),
        ("rivera-evening", "Evening settle", "integrate", "Winding down after a full day."),
    ):
        sf.write(str(folder / "audio" / f"{pid}.ogg"), tone, rate, format="OGG")
        (folder / f"{pid}.yaml").write_text(
            PACK_PRACTICE.format(id=pid, title=title, category=category, summary=summary),
            encoding="utf-8",
        )


def shoot_packs(theme: str, out: Path) -> list[Path]:
    """Sharing (first-time key, the form, done) and opening a pack as a client."""
    import zipfile

    from kapcompanion.ui.packs import install, open_pack, open_share

    base = Path(os.environ["KAPCOMPANION_DATA_DIR"])
    shots: list[Path] = []

    def save(name: str, widget: object) -> None:
        path = out / f"{name}-{theme}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        shots.append(path)

    def window(who: str) -> MainWindow:
        os.environ["KAPCOMPANION_DATA_DIR"] = str(base / f"{who}-{theme}")
        if who == "therapist":
            _therapist_practices()
        store = SettingsStore(base / f"settings-{who}-{theme}.json")
        win = MainWindow(
            library=load_library(), store=store, settings=replace(Settings(), theme=theme)
        )
        install(win)
        win.resize(*SIZE)
        win.show()
        return win

    pack_file = base / f"calm-start-{theme}.kappack"
    try:
        win = window("therapist")
        share = open_share(win, choose_path=lambda _parent, _suggested: pack_file)
        share.resize(700, 760)
        share.key_page.name.setText("Dr. Sam Rivera")
        settle()
        save("share-key", share)
        share.key_page.create_key()
        share.set_checked(["rivera-arrival", "rivera-evening"])
        share.name.setText("A calm start")
        share.clinic.setText("Riverside KAP")
        share.message.setPlainText(PACK_MESSAGE)
        share.items.setCurrentRow(0)
        settle()
        save("share", share)
        share.save_pack()
        settle()
        save("share-done", share)
        share.close()
        key = SigningStore.of(data_folders()).load_key()
        win.close()

        win = window("client")
        dialog = open_pack(win, pack_file)
        dialog.resize(680, 780)
        settle()
        save("import", dialog)
        dialog.accept_pack()
        dialog.close()
        changed = base / f"changed-{theme}.kappack"
        with zipfile.ZipFile(pack_file) as src, zipfile.ZipFile(changed, "w") as dst:
            for item in src.infolist():
                data = src.read(item)
                if item.filename.endswith("rivera-evening.yaml"):
                    data = data.replace(b"Evening settle", b"Evening settle!")
                dst.writestr(item, data)
        refused = open_pack(win, changed)
        refused.resize(680, 520)
        settle()
        save("import-refused", refused)
        refused.close()
        win.library.select("rivera-arrival")
        settle()
        save("library-pack", win)
        win.close()
        assert key is not None
    finally:
        os.environ["KAPCOMPANION_DATA_DIR"] = str(base)
    return shots


def main(argv: list[str]) -> int:
    """Take every screenshot; prints the files written."""
    out = Path(argv[1]) if len(argv) > 1 else Path("docs/img")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(argv[:1])
    app.setApplicationName("KAP Companion")
    for theme in ("light", "dark"):
        for path in [*shoot(theme, out), *shoot_journal(theme, out)]:
            print(path)
    for theme in ("light", "dark"):
        for path in shoot_journey(theme, out):
            print(path)
    for theme in ("light", "dark"):
        for path in shoot_packs(theme, out):
            print(path)
    for theme in ("light", "dark"):
        for path in shoot_spanish(theme, out):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
