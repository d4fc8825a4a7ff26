"""The app's language decides which practices it shows: the client's first, English after."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QWidget,
)

from kapcompanion.paths import user_practices_dir
from kapcompanion.settings import Settings, SettingsStore
from kapcompanion.ui.app import create_window
from kapcompanion.ui.i18n import install_translations
from kapcompanion.ui.main_window import MainWindow


def open_in(language: str, qtbot):
    SettingsStore().save(replace(Settings(), language=language))
    win = create_window([])
    qtbot.addWidget(win)
    return win


def test_spanish_app_shows_spanish_practices_and_english_where_untranslated(qtbot) -> None:
    english_only = (
        "kapcompanion: 1\nid: solo-en\ntitle: Only in English\ncategory: anytime\n"
        "summary: Not translated.\nlanguage: en\nsteps:\n  - say: Hello.\n"
    )
    user_practices_dir().mkdir(parents=True, exist_ok=True)
    (user_practices_dir() / "solo-en.yaml").write_text(english_only, encoding="utf-8")
    win = open_in("es", qtbot)
    try:
        assert win.language == "es"
        assert win.help_button.text() == "Ayuda ahora"  # the interface speaks Spanish
        assert win.nav_buttons["library"].text() == "Biblioteca"
        assert win.practices["container"].language == "es"  # an Anytime practice, translated
        assert win.practices["cyclic-sigh"].language == "es"  # a Prepare practice, translated
        assert win.practices["solo-en"].language == "en"  # not translated: English
        assert win.entries["container"].practice.title != "The container"
        programs = win.parts.journey.programs()
        assert set(programs) >= {"week-before", "week-after"}
        assert programs["week-before"].language == "es"
        assert not any("@" in pid for pid in win.practices)  # one row per practice
        win.reload_library()
        assert win.practices["container"].language == "es"
    finally:
        win.close()
        install_translations(QApplication.instance(), "en")


def test_english_app_shows_english_only(qtbot) -> None:
    win = open_in("en", qtbot)
    try:
        assert all(p.language == "en" for p in win.practices.values())
        assert win.parts.journey.programs()["week-after"].language == "en"
    finally:
        win.close()


def test_spanish_today_says_where_you_are_in_spanish(qtbot) -> None:
    from datetime import date, timedelta

    from kapcompanion.journal.store import JournalStore

    store = JournalStore.open()
    store.add_session(date.today() + timedelta(days=3), "")
    store.close()
    win = open_in("es", qtbot)
    try:
        today = win.parts.journey.today
        assert today.where.text() == "Faltan 3 días para tu sesión"
        assert today.session_line.text().startswith("Sesión 1 — ")
        assert "de 20" in today.session_line.text()  # "… de diciembre de 2026": the locale's date
    finally:
        win.close()
        install_translations(QApplication.instance(), "en")


# -- the Journal, History and Export pages in Spanish -----------------------------------

TS = Path(__file__).resolve().parents[2] / "i18n" / "kapcompanion_es.ts"
ENGLISH_WORDS = re.compile(
    r"\b(January|February|March|April|June|July|August|September|October|November|December"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Today|Yesterday)\b"
    r"|\bSessions? \d"
)


def english_sources() -> tuple[set[str], list[re.Pattern[str]]]:
    """The interface's English texts that Spanish changes, and patterns of the formatted ones.

    A source whose Spanish is the same (such as "KAP Companion") is left out; a pattern is
    made only from a source with English words around its placeholders.
    """
    plain: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for message in ET.parse(TS).iter("message"):
        source = message.findtext("source") or ""
        spanish = message.findtext("translation") or ""
        if not source.strip() or source == spanish:
            continue
        plain.add(source)
        parts = re.split(r"\{[^}]*\}", source)
        if len(parts) > 1 and sum(len(re.findall(r"[A-Za-z]{3,}", p)) for p in parts) >= 2:
            body = "(.+?)".join(re.escape(p) for p in parts)
            patterns.append(re.compile(f"^{body}$", re.S))
    return plain, patterns


def widget_texts(root: QWidget) -> list[str]:
    """Every text a person can see or hear from the visible widgets under ``root``."""
    out: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        out += [w.accessibleName(), w.accessibleDescription(), w.toolTip()]
        if w.isWindow():
            out.append(w.windowTitle())
        if isinstance(w, QLabel | QAbstractButton):
            out.append(w.text())
        if isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        if isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTableWidget):
            out += [w.horizontalHeaderItem(c).text() for c in range(w.columnCount())]
    return out


def model_texts(model: QAbstractItemModel, rows: int, roles: tuple[int, ...]) -> list[str]:
    """The texts of the first ``rows`` rows of a list model, in ``roles``."""
    out = []
    for row in range(min(rows, model.rowCount())):
        index = model.index(row, 0)
        out += [str(index.data(role) or "") for role in roles]
    return out


def english_in(texts: list[str]) -> list[str]:
    """The texts (or parts of texts joined by " · ") still in English."""
    plain, patterns = english_sources()
    found = []
    for text in {t.replace("&", "").strip() for t in texts if t and t.strip()}:
        for part in [text, *text.split(" · ")]:
            if part in plain or any(p.match(part) for p in patterns):
                found.append(f"source text: {part!r}")
        if ENGLISH_WORDS.search(text):
            found.append(f"English words: {text!r}")
    return sorted(set(found))


def open_spanish_journal(qtbot) -> MainWindow:
    """The Spanish app with a realistic journal open (sessions, check-ins, WHO-5, notes)."""
    from kapcompanion.journal.demo import fill_demo
    from kapcompanion.journal.store import JournalStore

    store = JournalStore.open()
    fill_demo(store, 90)
    store.add_note("Un rato tranquilo junto al río.")  # untitled: the list names it
    store.record_answer("grounding-54321", 3, "ready", "checklist", {"Agua": True, "Manta": False})
    store.close()
    SettingsStore().save(replace(Settings(), language="es", show_days_in_a_row=True))
    win = create_window([])
    qtbot.addWidget(win)
    win.resize(1280, 820)
    win.parts.journal_pages.ask_at_close = lambda *_a: False
    return win


def test_spanish_journal_history_and_export_show_no_english(qtbot) -> None:
    from kapcompanion.ui.journal_pages.entry_model import META_ROLE
    from kapcompanion.ui.journal_pages.export_dialog import ExportDialog
    from kapcompanion.ui.journal_pages.note_dialog import NoteDialog

    win = open_spanish_journal(qtbot)
    try:
        pages = win.parts.journal_pages
        assert win.journal is not None
        assert win.nav_buttons["journal"].text().replace("&", "") == "Diario"
        assert win.nav_buttons["history"].text().replace("&", "") == "Historial"
        seen: dict[str, list[str]] = {}

        win.show_page("journal")
        view = pages.journal
        entries = view.visible_entries()
        kinds = {e.kind for e in entries}
        assert {"reflect", "check_in", "note", "checklist"} <= kinds  # every kind is looked at
        texts = model_texts(view.model, 80, (Qt.ItemDataRole.DisplayRole, META_ROLE))
        # the day headings speak Spanish, dates written the Spanish way
        assert any(re.fullmatch(r"Hoy — \w+, \d+ de \w+ de \d{4}", t) for t in texts), texts[:3]
        for kind in ("note", "checklist", "check_in", "reflect"):
            view.select(next(e.id for e in entries if e.kind == kind))
            QApplication.processEvents()
            texts += widget_texts(win)
        assert pages.journal.pane.pair.isVisible()  # the before/after of a session was read
        view.search.setText("zzzz-nothing")
        view.run_search()
        texts += widget_texts(win)
        seen["journal"] = texts

        win.show_page("history")
        history = pages.history
        history.refresh()
        QApplication.processEvents()
        texts = widget_texts(win)
        assert history.run_label.isVisible()  # "days in a row", asked for in the settings
        for card in history.cards:
            assert card.chart.has_data(), card.chart.title
            texts += [card.chart.title, card.chart.summary(), card.chart.accessibleDescription()]
            card.toggle.setChecked(True)
        marks = [label for _day, label in history.checkins.sessions]  # drawn on the chart
        assert marks
        texts += marks
        QApplication.processEvents()
        texts += widget_texts(win)
        texts += [history.heatmap.cell_text(i) for i in range(len(history.heatmap.days))]
        seen["history"] = texts

        dlg = ExportDialog(win.journal, pages.titles(), win)
        qtbot.addWidget(dlg)
        dlg.leave_out(dlg.entry_ids()[0])
        dlg.show()
        QApplication.processEvents()
        texts = widget_texts(dlg)
        texts += model_texts(
            dlg.model, 40, (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        )
        for scope in range(dlg.scope.count()):
            dlg.scope.setCurrentIndex(scope)
            dlg.load_preview()
            QApplication.processEvents()
            texts += widget_texts(dlg)
            texts += [w.text() for w in (dlg.date_from, dlg.date_to) if w.isVisible()]
        assert re.fullmatch(r"\d+ de \w+ de \d{4}", dlg.date_to.text()), dlg.date_to.text()
        seen["export"] = texts
        dlg.close()

        note = NoteDialog(win)
        qtbot.addWidget(note)
        note.show()
        note.buttons.accepted.emit()  # Save with nothing written: a hint, in Spanish
        QApplication.processEvents()
        assert note.hint.text()
        seen["new entry"] = widget_texts(note)
        note.close()

        bad = {page: english_in(texts) for page, texts in seen.items()}
        assert {k: v for k, v in bad.items() if v} == {}
    finally:
        win.close()
        install_translations(QApplication.instance(), "en")


def test_the_check_finds_english_where_it_is_left(qtbot) -> None:
    """The same look at the pages in English finds English: the check above can fail."""
    from kapcompanion.ui.journal_pages.journal_view import JournalView

    install_translations(QApplication.instance(), "en")
    view = JournalView()
    qtbot.addWidget(view)
    view.show()
    assert "source text: 'Search your journal'" in english_in(widget_texts(view))
    assert english_in(["Saved /tmp/x.md with 3 entries."]) == [
        "source text: 'Saved /tmp/x.md with 3 entries.'"
    ]
    assert english_in(["21:40 · Session 2 · Reflection"]) != []
    assert english_in(["Sunday 29 November 2026"]) == ["English words: 'Sunday 29 November 2026'"]
    assert english_in(["Sesiones marcadas: Session 1."]) != []
    assert english_in(["domingo, 29 de noviembre de 2026", "KAP Companion", "WHO-5"]) == []


def test_spanish_export_without_an_open_journal_says_so_in_spanish(qtbot) -> None:
    from kapcompanion.ui.journal_pages.export_dialog import ExportDialog

    win = open_spanish_journal(qtbot)
    try:
        win.journal = None
        win.hub.journal_changed.emit(None)
        win.show_page("journal")
        QApplication.processEvents()
        closed = widget_texts(win)
        assert "Tu diario no está abierto" in closed
        said: list[str] = []

        def answer() -> None:
            box = QApplication.activeModalWidget()
            if box is None:
                QTimer.singleShot(20, answer)
                return
            said.extend(widget_texts(box))
            box.close()

        QTimer.singleShot(0, answer)
        assert ExportDialog.run(win, None, {}) is None
        assert "Tu diario no está abierto" in said
        assert english_in(closed + said) == []
    finally:
        win.close()
        install_translations(QApplication.instance(), "en")


def test_spanish_wellbeing_key_wraps_instead_of_running_off_the_chart(qtbot) -> None:
    from datetime import UTC, datetime, timedelta

    from kapcompanion.journal.history import Who5Point
    from kapcompanion.ui.journal_pages.who5_chart import Who5Chart

    install_translations(QApplication.instance(), "es")
    try:
        chart = Who5Chart()
        qtbot.addWidget(chart)
        start = datetime(2026, 11, 1, 20, tzinfo=UTC)
        chart.set_data(
            [Who5Point(start + timedelta(weeks=n), (5,) * 5, s) for n, s in enumerate((40, 64))]
        )
        font = chart.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)  # the largest text size
        chart.setFont(font)
        chart.resize(700, chart.wanted_height())
        chart.show()
        key, area = chart.legend_rect(), chart.plot_rect()
        assert chart.legend().startswith("- - línea en 50")
        assert chart.fontMetrics().horizontalAdvance(chart.legend()) > key.width()  # it wraps
        assert key.right() <= chart.width()
        assert area.top() >= key.bottom()  # the plot starts under the key's last line
        assert all(area.top() - 0.5 <= pt.y() <= area.bottom() + 0.5 for pt in chart.marks())
        chart.grab()  # and it paints
    finally:
        install_translations(QApplication.instance(), "en")


def test_spanish_detail_and_step_list_word_breathing_and_evidence_in_spanish(qtbot) -> None:
    win = open_in("es", qtbot)
    try:
        entry = win.entries["breathing-4-7-8"]
        win.detail.show_entry(entry)
        steps = win.detail.steps.text()
        assert "Respira: toma aire 4, pausa 7, suelta 8 — 4 respiraciones" in steps
        assert "Breathe" not in steps and " in 4" not in steps
        evidence = win.detail.evidence.text()
        level = entry.practice.evidence.level
        spanish = {"strong": "Sólida", "moderate": "Moderada", "emerging": "Emergente"}
        assert f"<b>{spanish.get(level, 'Tradicional')}</b>" in evidence
        tags = win.library.tag
        labels = [tags.itemText(i) for i in range(1, tags.count())]
        assert "respiración" in labels and "breath" not in labels  # tag labels in Spanish
    finally:
        win.close()
        install_translations(QApplication.instance(), "en")


def test_check_in_names_in_history_follow_the_language(qtbot) -> None:
    from kapcompanion.ui.journal_pages.charts import nice_name

    app = QApplication.instance()
    assert nice_name("grounded_after") == "feeling grounded after a session"
    assert nice_name("my_own_scale") == "my own scale"  # a therapist's name, in words
    try:
        install_translations(app, "es")
        assert nice_name("who5_2") == "WHO-5: tranquilidad"
        assert nice_name("value_work_close") == "cerca de: trabajo"
        assert nice_name("my_own_scale") == "my own scale"
    finally:
        install_translations(app, "en")


def test_numbers_follow_the_language(qtbot) -> None:
    from kapcompanion.ui.numbers import count, decimal, score

    app = QApplication.instance()
    try:
        install_translations(app, "es")
        assert (decimal(4.26), score(7.5), score(7.0), count(12345)) == (
            "4,3",
            "7,5",
            "7",
            "12.345",
        )
        install_translations(app, "en")
        assert (decimal(4.26), score(7.5), score(7.0), count(12345)) == (
            "4.3",
            "7.5",
            "7",
            "12,345",
        )
    finally:
        install_translations(app, "en")
