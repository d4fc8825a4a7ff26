"""The Today page (home): where the person is in the arc and what today suggests.

It shows the intention, and today's suggested practices with a one-click start, ticked
when done.

The view only draws what :func:`kapcompanion.journal.today.today_for` returns. The day
comes from an injected ``today`` callable, so tests (and the midnight refresh) can move it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.core.model import Program
from kapcompanion.journal.journey import BEFORE
from kapcompanion.journal.records import KapSession
from kapcompanion.journal.today import Today, today_for
from kapcompanion.ui.catalogue import clock_text, length_text
from kapcompanion.ui.journey.intention import IntentionCard
from kapcompanion.ui.journey.words import arc_text, session_title
from kapcompanion.ui.numbers import days_in_a_row_words
from kapcompanion.ui.widgets import text_label

if TYPE_CHECKING:
    from kapcompanion.ui.journey.journal_link import JournalLink
    from kapcompanion.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Gentle practices offered when no session is planned (those in the library, in order).
ANYTIME = ("grounding-54321", "feet-and-hands", "sigh-reset", "orienting", "box-breathing")
MAX_ANYTIME = 3
MAX_WIDTH = 960


def ms_to_midnight(now: datetime) -> int:
    """Milliseconds from ``now`` to just after the next local midnight."""
    tomorrow = datetime.combine(now.date() + timedelta(days=1), datetime.min.time())
    return max(1000, int((tomorrow - now.replace(tzinfo=None)).total_seconds() * 1000) + 1000)


class TodayView(QWidget):
    """The home page of the journey."""

    start_requested = Signal(str)  # a practice id
    sessions_requested = Signal()

    def __init__(
        self,
        window: MainWindow,
        link: JournalLink,
        programs: Callable[[], Mapping[str, Program]],
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.main = window
        self.link = link
        self.programs = programs
        self.today = today
        self.shown: Today | None = None
        self.plan_buttons: dict[str, QPushButton] = {}
        self.anytime_buttons: dict[str, QPushButton] = {}
        self.setAccessibleName(self.tr("Today"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a frame around the page, not a stop
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        centre = QHBoxLayout(body)
        centre.setContentsMargins(0, 0, 0, 0)
        column = QWidget()
        column.setMaximumWidth(MAX_WIDTH)  # calm line lengths on a wide window
        centre.addStretch(1)
        centre.addWidget(column, 100)
        centre.addStretch(1)
        lay = QVBoxLayout(column)
        lay.setContentsMargins(32, 12, 32, 24)
        lay.setSpacing(14)
        self.where = text_label(role="h1")
        self.session_line = text_label(role="muted")
        self.note = text_label()
        self.closed_note = text_label(role="muted")
        for w in (self.where, self.session_line, self.note, self.closed_note):
            lay.addWidget(w)

        #: The intention, written or changed in place (saved for the next session).
        self.intention_card = IntentionCard(link)
        self.intention_heading = self.intention_card.heading
        self.intention = self.intention_card.text
        lay.addWidget(self.intention_card)

        self.plan_heading = text_label(self.tr("Suggested for today"), "h2")
        self.plan_hint = text_label(
            self.tr("Suggestions, not tasks — choose what feels right, or simply rest."), "muted"
        )
        self.plan_box = QVBoxLayout()
        self.plan_box.setSpacing(8)
        self.all_done = text_label(role="muted")
        lay.addWidget(self.plan_heading)
        lay.addWidget(self.plan_hint)
        lay.addLayout(self.plan_box)
        lay.addWidget(self.all_done)
        self.missing = text_label(role="muted")
        lay.addWidget(self.missing)

        self.invite = text_label(
            self.tr(
                "When you know the date of your next KAP session, you might add it here. "
                "Today will then offer a few gentle practices for the days before and after."
            )
        )
        self.add_session = QPushButton(self.tr("Add a session…"))
        self.add_session.setAutoDefault(True)
        self.add_session.setAccessibleName(self.tr("Add a session date"))
        self.add_session.clicked.connect(self.sessions_requested.emit)
        self.anytime_heading = text_label(self.tr("For any moment"), "h2")
        self.anytime_box = QVBoxLayout()
        self.anytime_box.setSpacing(8)
        lay.addWidget(self.invite)
        lay.addWidget(self.add_session, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.anytime_heading)
        lay.addLayout(self.anytime_box)

        self.run = text_label(role="muted")
        lay.addWidget(self.run)
        row = QHBoxLayout()
        self.sessions_button = QPushButton(self.tr("Your sessions…"))
        self.sessions_button.setAutoDefault(True)
        self.sessions_button.setAccessibleName(self.tr("Your sessions"))
        self.sessions_button.setAccessibleDescription(
            self.tr("Add, change or remove your session dates")
        )
        self.sessions_button.clicked.connect(self.sessions_requested.emit)
        self.session_over = QPushButton(self.tr("I've had my session"))
        self.session_over.setAutoDefault(True)
        self.session_over.setAccessibleName(self.tr("Mark today's session as done"))
        self.session_over.setAccessibleDescription(
            self.tr("Today then suggests the practices for after your session")
        )
        self.session_over.clicked.connect(self.mark_done)
        row.addWidget(self.sessions_button)
        row.addWidget(self.session_over)
        row.addStretch(1)
        lay.addLayout(row)
        self.options_heading = text_label(self.tr("Today options"), "muted")
        self.show_run = QCheckBox(self.tr("Show how many days in a row I have practised"))
        self.show_run.setAccessibleName(self.show_run.text())
        self.show_run.setAccessibleDescription(
            self.tr("Off by default. A gap is never counted against you.")
        )
        self.show_run.toggled.connect(self._run_toggled)
        lay.addWidget(self.options_heading)
        lay.addWidget(self.show_run)
        lay.addStretch(1)

        self.midnight = QTimer(self)
        self.midnight.setSingleShot(True)
        self.midnight.timeout.connect(self._at_midnight)
        self._arm_midnight()
        self.refresh()

    # -- drawing -----------------------------------------------------------------

    def _arm_midnight(self) -> None:
        self.midnight.start(ms_to_midnight(datetime.now()))

    def _at_midnight(self) -> None:
        self.refresh()
        self._arm_midnight()

    def _practice_button(
        self, pid: str, done: bool, available: bool, started: float | None = None
    ) -> QPushButton:
        """A button that starts ``pid``: ticked only when played to its end today.

        ``started``: seconds spent today on it without finishing, said honestly
        ("started today, 0:07") rather than called done.
        """
        practice = self.main.practices.get(pid)
        entry = self.main.entries.get(pid)
        title = practice.title if practice is not None else pid
        length = f" · {length_text(entry.length)}" if entry is not None else ""
        if not available or practice is None:
            text = self.tr("{title} — not in your library").format(title=title)
        elif done:
            text = self.tr("✓ {title}{length} — done today").format(title=title, length=length)
        elif started is not None:
            text = self.tr("▶ {title}{length} — started today, {time}").format(
                title=title, length=length, time=clock_text(started)
            )
        else:
            text = self.tr("▶ {title}{length}").format(title=title, length=length)
        button = QPushButton(text)
        button.setAutoDefault(True)
        button.setEnabled(available and practice is not None)
        name = self.tr("Start {title}").format(title=title)
        if done:
            name += self.tr(", done today")
        elif started is not None:
            name += self.tr(", started today for {time}").format(time=length_text(started))
        button.setAccessibleName(name)
        if practice is not None:
            button.setAccessibleDescription(practice.summary)
            button.setToolTip(practice.summary)
        button.setStyleSheet("text-align: left;")
        button.setProperty("done", done)
        button.clicked.connect(lambda _c=False, p=pid: self.start_requested.emit(p))
        return button

    def _started_today(self) -> dict[str, float]:
        """Practices started today and not finished (seconds spent), from the journal."""
        if self.link.store is None:
            return {}
        try:
            return self.link.store.started_on(self.today())
        except Exception:  # Today still shows its plan without this
            log.exception("cannot read today's practices")
            return {}

    @staticmethod
    def _clear(box: QVBoxLayout) -> None:
        while box.count():
            item = box.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()

    def _anytime_ids(self) -> list[str]:
        practices = self.main.practices
        chosen = [pid for pid in ANYTIME if pid in practices]
        others = sorted(
            (p for p in practices.values() if p.category == "anytime" and p.id not in chosen),
            key=lambda p: p.title,
        )
        return (chosen + [p.id for p in others])[:MAX_ANYTIME]

    def refresh(self) -> None:
        """Read the journal again and redraw."""
        store = self.link.store
        day = self.today()
        settings = self.main.settings
        self.show_run.blockSignals(True)
        self.show_run.setChecked(settings.show_days_in_a_row)
        self.show_run.blockSignals(False)
        today: Today | None = None
        if store is not None:
            try:
                today = today_for(
                    store,
                    self.programs(),
                    day,
                    self.main.practices.keys(),
                    show_days_in_a_row=settings.show_days_in_a_row,
                )
            except Exception as exc:  # a failing read must not take Today away
                log.exception("cannot read today's plan")
                self.link.banner.say(
                    self.tr("Today's plan could not be read from your journal ({error}).").format(
                        error=exc
                    )
                )
        self.shown = today
        focus = QApplication.focusWidget()
        inside = focus is not None and self.isAncestorOf(focus)
        buttons = {**self.anytime_buttons, **self.plan_buttons}
        keep = next((pid for pid, b in buttons.items() if b is focus), None)
        self._draw(today)
        if inside:  # a keyboard user stays where they were, not thrown to the header
            buttons = {**self.anytime_buttons, **self.plan_buttons}
            target = buttons.get(keep or "") if keep else focus
            if target is None or not target.isVisibleTo(self) or not target.isEnabled():
                target = self.focusProxy() or self
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _draw(self, today: Today | None) -> None:
        planned = today is not None and today.position.planned
        pos = today.position if today is not None else None
        if pos is not None and pos.session is not None:
            self.where.setText(arc_text(pos))
            self.session_line.setText(session_title(pos.session))
        else:
            self.where.setText(self.tr("Welcome"))
            self.session_line.setText(self.tr("No session planned"))
        self.where.setAccessibleName(self.where.text())
        self.where.setAccessibleDescription(self.session_line.text())
        self.closed_note.setVisible(today is None)
        self.closed_note.setText(
            self.tr(
                "Your journal isn't open, so your sessions and today's plan can't be shown. "
                "Every practice still plays from the library."
            )
        )
        note = " ".join(dict.fromkeys(i.note for i in today.plan if i.note)) if today else ""
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self._draw_intention(today)

        self._clear(self.plan_box)
        self.plan_buttons = {}
        plan = today.plan if today is not None else []
        started = self._started_today()
        for item in plan:
            b = self._practice_button(
                item.practice_id, item.done, item.available, started.get(item.practice_id)
            )
            self.plan_buttons[item.practice_id] = b
            self.plan_box.addWidget(b)
            b.show()  # at once, so the keyboard can land on it
        for w in (self.plan_heading, self.plan_hint):
            w.setVisible(bool(plan))
        self.all_done.setText(
            self.tr("You've done each of today's suggestions. Resting is part of it too.")
        )
        self.all_done.setVisible(bool(today and today.all_done))
        self._say_missing(pos.session if pos is not None else None)

        self._clear(self.anytime_box)
        self.anytime_buttons = {}
        show_anytime = not plan
        if show_anytime:
            done = set() if today is None else {i.practice_id for i in plan if i.done}
            if self.link.store is not None:
                try:
                    done = self.link.store.done_on(self.today())
                except Exception:
                    log.exception("cannot read today's practices")
            for pid in self._anytime_ids():
                b = self._practice_button(pid, pid in done, True, started.get(pid))
                self.anytime_buttons[pid] = b
                self.anytime_box.addWidget(b)
                b.show()
        self.anytime_heading.setVisible(show_anytime and bool(self.anytime_buttons))
        self.invite.setVisible(today is not None and not planned)
        self.add_session.setVisible(today is not None and not planned)
        self.sessions_button.setEnabled(self.link.store is not None)
        self.session_over.setVisible(
            pos is not None and pos.session is not None and pos.day == 0 and pos.when == BEFORE
        )
        run = days_in_a_row_words(today.run_days if today is not None else 0)
        self.run.setText(run)
        self.run.setVisible(bool(run))
        first = next(
            (
                b
                for b in [*self.plan_buttons.values(), *self.anytime_buttons.values()]
                if b.isEnabled()
            ),
            None,
        )
        self.setFocusProxy(first or self.sessions_button)

    def _draw_intention(self, today: Today | None) -> None:
        """The intention card, shown whenever a session gives it a place (even empty)."""
        store = self.link.store
        session = today.position.session if today is not None else None
        sessions: list[KapSession] = []
        if store is not None and session is not None:
            try:
                sessions = store.sessions()
            except Exception:  # the card is a courtesy; Today draws without it
                log.exception("cannot read the sessions")
        self.intention_card.show_for(
            session, today.intention if today is not None else None, sessions, self.today()
        )
        self.intention_card.setVisible(bool(sessions))

    def _say_missing(self, session: KapSession | None) -> None:
        """Name a chosen program that is not in the library (so it suggests nothing)."""
        gone: list[str] = []
        if session is not None:
            try:
                known = self.programs()
            except Exception:  # the note is a courtesy; Today draws without it
                log.exception("cannot read the programs")
                known = {}
            wanted = dict.fromkeys((session.before_program, session.after_program))
            gone = [pid for pid in wanted if pid not in known]
        text = ""
        if gone:
            text = self.tr(
                "The program “{names}” isn't in your library, so it can't suggest practices. "
                "You can choose another in Your sessions…"
            ).format(names="”, “".join(gone))
        self.missing.setText(text)
        self.missing.setVisible(bool(text))

    # -- actions -----------------------------------------------------------------

    def mark_done(self) -> None:
        """Mark today's session as done (the plan turns to "after")."""
        pos = self.shown.position if self.shown is not None else None
        if pos is None or pos.session is None:
            return
        session_id = pos.session.id
        self.link.write(
            self.tr("marking your session as done"),
            lambda store: store.mark_session_done(session_id),
        )
        self.refresh()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _run_toggled(self, on: bool) -> None:
        self.main.set_settings(replace(self.main.settings, show_days_in_a_row=on))
        self.refresh()
