"""Take the README screenshots of the desktop app: light, dark, Spanish and largest text.

Usage: python tools/screenshots.py [OUT_DIR] [--all]   (default docs/img)

Runs offscreen against the built-in library, with a private temporary data dir, and a
hand-moved clock so each picture shows a known moment (the pacer mid-inhale, a
reflection, the end screen).

Every screen is taken in light and dark (``today-light.png``), again in Spanish
(``today-es-light.png``) and at the largest text size (``today-largest-light.png``); the
dialogs drawn by the theme (Settings, the file dialog, the export) are taken in all four
combinations. ``--all`` takes every screen in Spanish and largest text in dark too.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
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
from kapcompanion.paths import data_folders  # noqa: E402
from kapcompanion.settings import Settings, SettingsStore, TextSize  # noqa: E402
from kapcompanion.ui.i18n import install_translations  # noqa: E402
from kapcompanion.ui.library_source import load_library  # noqa: E402
from kapcompanion.ui.main_window import MainWindow  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from screenshot_help import shoot_help_es  # noqa: E402
from screenshot_packs import shoot_packs  # noqa: E402

log = logging.getLogger(__name__)

SIZE = (1280, 820)
BREATH_ID = "cyclic-sigh"
REFLECT_ID = "intention-setting"
EDIT_ID = "exhale-4-6"
SAMPLE_INTENTION = "To meet whatever comes with curiosity and kindness."
INTENTIONS = {
    "en": SAMPLE_INTENTION,
    "es": "Recibir lo que venga con curiosidad y amabilidad.",
}
#: A long intention, to see it wrap beside the pacer.
LONG_INTENTION = {
    "en": "To meet whatever comes with curiosity and kindness, to let the music carry me when "
    "I feel unsure, and to remember that I can always open my eyes and ask for what I need.",
    "es": "Recibir lo que venga con curiosidad y amabilidad, dejar que la música me lleve cuando "
    "dude, y recordar que siempre puedo abrir los ojos y pedir lo que necesito.",
}


@dataclass(frozen=True, slots=True)
class Look:
    """One way of seeing the app: theme, interface language and text size."""

    theme: str
    language: str = "en"
    scale: float = TextSize.STANDARD.value

    @property
    def tag(self) -> str:
        """The file name part: ``light``, ``es-light``, ``largest-dark``."""
        parts = []
        if self.language != "en":
            parts.append(self.language)
        if self.scale == TextSize.LARGEST.value:
            parts.append("largest")
        return "-".join([*parts, self.theme])

    def settings(self, **changes: object) -> Settings:
        """Default settings in this look, with ``changes``."""
        base = replace(Settings(), theme=self.theme, text_scale=self.scale, language=self.language)
        return replace(base, **changes)  # type: ignore[arg-type]


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


def shoot(look: Look, out: Path) -> list[Path]:
    """The library, the player, a reflection, the end, help and the editor in one look."""
    library = load_library()
    practices = library.for_language(look.language)
    if BREATH_ID not in practices or REFLECT_ID not in practices:
        raise SystemExit(f"the built-in library lacks {BREATH_ID} or {REFLECT_ID}")
    clock = HandClock()
    store = SettingsStore(Path(os.environ["KAPCOMPANION_DATA_DIR"]) / f"settings-{look.tag}.json")
    settings = look.settings(
        get_ready_seconds=0,
        rules_dismissed=(BREATH_ID, REFLECT_ID),
        last_view=f"practice:{BREATH_ID}",
    )
    win = MainWindow(
        library=library, language=look.language, store=store, settings=settings, clock=clock
    )
    win.resize(*SIZE)
    win.show()
    settle()
    shots: list[Path] = []

    def save(name: str, widget: object = None) -> None:
        path = out / f"{name}-{look.tag}.png"
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
    win.player.gate.edit.setPlainText(LONG_INTENTION[look.language])  # type: ignore[attr-defined]
    settle()
    save("reflect")

    win.player.gate.finish()
    # "Read your intention once more, slowly: …": the long intention beside the pacer
    said = next((g for g in timeline.segments if g.start >= gate.start and g.text), None)
    if said is not None:
        go_to(win, clock, said.start + 1.0)
        settle()
        go_to(win, clock, said.start + 1.0)
        save("player-intention")
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


def shoot_journal(look: Look, out: Path) -> list[Path]:
    """The Journal and History pages and the export preview, with a demo journal."""
    from kapcompanion.journal.demo import fill_demo
    from kapcompanion.journal.store import JournalStore
    from kapcompanion.ui.journal_pages import install
    from kapcompanion.ui.journal_pages.export_dialog import ExportDialog

    store = SettingsStore(Path(os.environ["KAPCOMPANION_DATA_DIR"]) / f"journal-{look.tag}.json")
    settings = look.settings(show_days_in_a_row=True)
    win = MainWindow(library=load_library(), language=look.language, store=store, settings=settings)
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
    theme = look.tag
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


def shoot_journey(look: Look, out: Path) -> list[Path]:
    """Today (with a session and an intention), the sessions and privacy dialogs."""
    from datetime import date, datetime, time, timedelta

    from kapcompanion.ui.journey import install
    from kapcompanion.ui.journey.privacy import PrivacyDialog
    from kapcompanion.ui.journey.sessions_dialog import SessionsDialog

    day = date(2026, 11, 29)

    def now() -> datetime:
        return datetime.combine(day, time(10, 30)).astimezone()

    data = Path(os.environ["KAPCOMPANION_DATA_DIR"])
    theme = look.tag
    store = SettingsStore(data / f"settings-journey-{theme}.json")
    settings = look.settings(show_days_in_a_row=True)
    win = MainWindow(library=load_library(), language=look.language, store=store, settings=settings)
    journey = install(win, now=now, path=data / f"journal-{theme}.sqlite3")
    journal = win.journal
    assert journal is not None
    journal.add_session(day - timedelta(days=40), "first session")
    journal.mark_session_done(journal.sessions()[0].id)
    journal.add_session(day + timedelta(days=3), "with Dr. Rivera")
    journal.record_answer(
        "intention-setting", 14, "intention", "reflect", INTENTIONS[look.language], at=now()
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
        language="es",
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


def shoot_dialogs(look: Look, out: Path) -> list[Path]:
    """The dialogs the theme draws: Settings (sound, practice, look), reminders, files."""
    from PySide6.QtWidgets import QFileDialog

    from kapcompanion.ui.settings_dialog import SettingsDialog
    from kapcompanion.ui.theme import apply_theme

    shots: list[Path] = []
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, look.theme, look.scale)

    def save(name: str, widget: object) -> None:
        path = out / f"{name}-{look.tag}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        shots.append(path)

    dialog = SettingsDialog(look.settings(get_ready_seconds=5))
    # as on a real screen: the size the dialog asks for (offscreen's screen is small)
    dialog.resize(dialog.sizeHint().expandedTo(dialog.minimumSize()))
    dialog.show()
    for name, index in (("settings-sound", 0), ("settings-practice", 2), ("settings-look", 3)):
        dialog.tabs.setCurrentIndex(index)
        settle(300)
        save(name, dialog)
    dialog.close()
    dialog.deleteLater()
    from kapcompanion.core.reminders import DailyReminder, ReminderPlan
    from kapcompanion.ui.reminders.dialog import ReminderDialog

    plan = ReminderPlan(
        enabled=True,
        daily=(DailyReminder("08:30", (0, 1, 2, 3, 4)), DailyReminder("19:00", (5, 6))),
    )
    reminders = ReminderDialog(plan, has_tray=True, can_autostart=True)
    reminders.resize(reminders.sizeHint().expandedTo(reminders.minimumSize()))
    reminders.show()
    settle(300)
    save("reminders", reminders)
    reminders.close()
    reminders.deleteLater()
    files = QFileDialog(None, "", str(ROOT / "docs"))
    files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    files.resize(820, 520)
    files.show()
    settle(300)
    save("file-dialog", files)
    files.close()
    files.deleteLater()
    return shots


def main(argv: list[str]) -> int:
    """Take every screenshot; prints the files written."""
    args = [a for a in argv[1:] if not a.startswith("--")]
    out = Path(args[0]) if args else Path("docs/img")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(argv[:1])
    app.setApplicationName("KAP Companion")
    largest = TextSize.LARGEST.value
    base = [Look("light"), Look("dark")]
    variants = [Look("light", "es"), Look("light", scale=largest)]
    if "--all" in argv:
        variants += [Look("dark", "es"), Look("dark", scale=largest)]
    dialogs = [*base, *variants]
    if "--all" not in argv:
        dialogs += [Look("dark", "es"), Look("dark", scale=largest)]

    def written(paths: list[Path]) -> None:
        for path in paths:
            print(path)

    for look in [*base, *variants]:
        install_translations(app, look.language)
        written([*shoot(look, out), *shoot_journal(look, out), *shoot_journey(look, out)])
    for look in dialogs:
        install_translations(app, look.language)
        written(shoot_dialogs(look, out))
    install_translations(app, "en")
    for theme in ("light", "dark"):
        written(shoot_packs(theme, out))
    install_translations(app, "es")
    for theme in ("light", "dark"):
        written(shoot_spanish(theme, out))
    install_translations(app, "en")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
