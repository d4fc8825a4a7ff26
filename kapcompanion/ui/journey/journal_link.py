"""The app's tie to the private journal.

Opening it, the passphrase prompt, notices, and saving what the player hands over
(answers and the practice log).

Nothing here may crash the window: a journal that cannot be opened or written becomes a
calm banner, practices keep playing, and answers are simply not kept.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal

from kapcompanion.core.model import CheckInStep, ChecklistStep, ReflectStep
from kapcompanion.core.text import fill
from kapcompanion.journal.errors import (
    JournalDamagedLocked,
    JournalError,
    JournalLocked,
    WrongPassphrase,
)
from kapcompanion.journal.journey import session_for
from kapcompanion.journal.store import JournalStore
from kapcompanion.ui.journey import passphrase
from kapcompanion.ui.journey.banner import Banner, attach

if TYPE_CHECKING:
    from kapcompanion.ui.main_window import MainWindow
    from kapcompanion.ui.player.end_view import SessionResult

log = logging.getLogger(__name__)

T = TypeVar("T")
AskPassphrase = Callable[[Any, str, str], "passphrase.Passphrases | None"]
#: The answers to "your locked journal could not be read": start a new one locked again
#: with the same passphrase, start one without a lock, or leave it closed for now.
START_LOCKED, START_UNLOCKED, NOT_NOW = "locked", "unlocked", "not now"
#: (parent, the message) -> one of the three answers above.
AskStartNew = Callable[[Any, str], str]


def ask_start_new(parent: Any, message: str) -> str:
    """Ask what to do when the locked journal could not be read (a modal question)."""
    from PySide6.QtWidgets import QMessageBox  # lazy: start-up speed (only after damage)

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("JournalLink", "Your journal could not be read"))
    box.setText(message)
    locked = box.addButton(
        QCoreApplication.translate(
            "JournalLink", "Start a new journal, locked with the same passphrase"
        ),
        QMessageBox.ButtonRole.AcceptRole,
    )
    unlocked = box.addButton(
        QCoreApplication.translate("JournalLink", "Start a new journal without a lock"),
        QMessageBox.ButtonRole.DestructiveRole,
    )
    later = box.addButton(
        QCoreApplication.translate("JournalLink", "Not now"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(later)
    box.exec()
    clicked = box.clickedButton()
    return START_LOCKED if clicked is locked else START_UNLOCKED if clicked is unlocked else NOT_NOW


def local_now() -> datetime:
    """Now, as an aware local time."""
    return datetime.now().astimezone()


def sentence(text: str) -> str:
    """``text`` with a capital first letter and a full stop (back-end messages are clauses)."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


class JournalLink(QObject):
    """Opens the journal for a window and keeps it in step with the player.

    Args:
        window: the main window (``window.journal`` and ``hub.journal_changed`` are set).
        now: the current local time (injectable so tests can move the day).
        ask_passphrase: shows the passphrase dialog; returns None for "Not now".
        path: the journal file (default: in the data dir).
    """

    #: Something was written (an answer, a practice, a session): views may refresh.
    written = Signal()

    def __init__(
        self,
        window: MainWindow,
        *,
        now: Callable[[], datetime] = local_now,
        ask_passphrase: AskPassphrase = passphrase.ask,
        ask_start_new: AskStartNew = ask_start_new,
        path: Path | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.now = now
        self.path = path
        self._ask = ask_passphrase
        self._ask_start_new = ask_start_new
        self.store: JournalStore | None = None
        #: Why the journal is not open ("" when it is, or before the first try).
        self.problem = ""
        #: The message of the last failed write ("" when it went well).
        self.last_error = ""
        self._logged: object | None = None
        self.banner: Banner = attach(window)
        window.hub.answer_given.connect(self.on_answer)
        window.hub.session_finished.connect(self.on_finished)
        window.when_player(lambda player: setattr(player, "recall", self.recall))
        window.installEventFilter(self)

    # -- opening and closing -------------------------------------------------------

    def today(self) -> date:
        """The local calendar day (from the injected clock)."""
        return self.now().date()

    def open(self) -> bool:
        """Open the journal, asking for the passphrase while it is locked; True when open."""
        if self.store is not None:
            return True
        phrase: str | None = None
        message = ""
        while True:
            try:
                store = JournalStore.open(self.path, passphrase=phrase)
                break
            except (JournalLocked, WrongPassphrase) as exc:
                if isinstance(exc, WrongPassphrase):
                    message = sentence(str(exc))
                answer = self._ask(self.window, passphrase.UNLOCK, message)
                if answer is None:
                    self._not_open(
                        self.tr(
                            "Your journal is locked and stays closed for now. Practices still "
                            "play; answers are not kept until you open it (More → Open your "
                            "journal…)."
                        )
                    )
                    return False
                phrase = answer.old
            except JournalDamagedLocked as exc:
                started = self._start_again(sentence(str(exc)))
                if started is None:
                    return False
                store = started
                break
            except JournalError as exc:
                self._not_open(sentence(str(exc)))
                return False
            except Exception as exc:  # never keep the window from opening
                log.exception("cannot open the journal")
                self._not_open(
                    self.tr(
                        "Your journal could not be opened ({error}). Practices still play, "
                        "but answers are not kept."
                    ).format(error=exc)
                )
                return False
        self.store = store
        self.problem = ""
        self.window.journal = store
        self.banner.hide()
        if store.notice:
            self.banner.say(sentence(store.notice))
        self.window.hub.journal_changed.emit(store)
        return True

    def _start_again(self, why: str) -> JournalStore | None:
        """The locked journal could not be read: ask before starting a new one.

        Nothing starts without the person's answer; "locked" asks for the lost journal's
        passphrase (again while it is wrong). None leaves the journal closed.
        """
        choice = self._ask_start_new(self.window, why)
        message = ""
        while choice == START_LOCKED:
            answer = self._ask(self.window, passphrase.UNLOCK, message)
            if answer is None:
                break
            try:
                return JournalStore.start_new(self.path, passphrase=answer.old)
            except WrongPassphrase as exc:
                message = sentence(str(exc))
            except JournalError as exc:
                self._not_open(sentence(str(exc)))
                return None
        if choice == START_UNLOCKED:
            try:
                return JournalStore.start_new(self.path)
            except JournalError as exc:
                self._not_open(sentence(str(exc)))
                return None
        self._not_open(why)
        return None

    def _not_open(self, message: str) -> None:
        self.problem = message
        self.window.journal = None
        self.banner.say(message)
        self.window.hub.journal_changed.emit(None)

    def close(self) -> None:
        """Close the journal (everything is already on disk)."""
        store, self.store = self.store, None
        if store is None:
            return
        self.window.journal = None
        try:
            store.close()
        except Exception:  # closing only renews the daily copy
            log.exception("closing the journal")
        self.window.hub.journal_changed.emit(None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Close the journal when the window closes."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.close()
        return False

    # -- writing -------------------------------------------------------------------

    def write(self, what: str, action: Callable[[JournalStore], T]) -> T | None:
        """Run ``action`` on the open journal; a failure becomes a plain banner message.

        Args:
            what: the thing being saved, for the message ("your answer").
            action: the write to do.

        Returns:
            What ``action`` returned, or None when the journal is closed or it failed.
        """
        self.last_error = ""
        if self.store is None:
            return None
        try:
            result = action(self.store)
        except JournalError as exc:
            self._failed(
                self.tr("{what} could not be saved. {why}").format(
                    what=sentence(what).rstrip("."), why=sentence(str(exc))
                )
            )
            return None
        except Exception as exc:  # an unexpected failure must not close the window
            log.exception("journal write failed")
            self._failed(
                self.tr(
                    "{what} could not be saved ({error}). Practices still play; please try "
                    "again later."
                ).format(what=sentence(what).rstrip("."), error=exc)
            )
            return None
        self.written.emit()
        return result

    def _failed(self, message: str) -> None:
        self.last_error = message
        self.banner.say(message)

    def _gate(self, step: int) -> Any:
        session = self.window.player.session
        if session is None:
            return None
        for seg in session.timeline.gates:
            if seg.step == step:
                return seg.gate
        return None

    def on_answer(self, practice_id: str, step: int, name: object, answer: object) -> None:
        """Save one answer from the player with the prompt as the person saw it."""
        if self.store is None or answer is None:
            return
        gate = self._gate(step)
        values = self.window.player.values()
        if isinstance(gate, ReflectStep):
            kind, prompt = "reflect", fill(gate.prompt, values)
        elif isinstance(gate, CheckInStep):
            kind, prompt = "check_in", fill(gate.question, values)
        elif isinstance(gate, ChecklistStep):
            kind, prompt = "checklist", gate.title
        else:
            kind = "checklist" if isinstance(answer, dict) else "reflect"
            kind = "check_in" if isinstance(answer, int | float) else kind
            prompt = ""
        save_as = name if isinstance(name, str) else None
        day, moment = self.today(), self.now()

        def save(store: JournalStore) -> int | None:
            session = session_for(day, store.sessions(), save_as)
            return store.record_answer(
                practice_id,
                step,
                save_as,
                kind,
                answer,
                session.id if session else None,
                prompt=prompt,
                at=moment,
            )

        self.write(self.tr("your answer"), save)

    def on_finished(self, result: SessionResult) -> None:
        """Log the practice played (finished or stopped early, and for how long)."""
        if self.store is None or (result.elapsed <= 0 and not result.completed):
            return  # left before it began: nothing was practised
        session_now = self.window.player.session
        if session_now is not None and session_now is self._logged:
            return  # the same playing reported twice (an extra frame after the end)
        self._logged = session_now
        day, moment = self.today(), self.now()
        started = moment - timedelta(seconds=max(0.0, result.elapsed))

        def save(store: JournalStore) -> int:
            session = session_for(day, store.sessions(), None)
            return store.log_practice(
                result.practice_id,
                started,
                result.elapsed,
                result.completed,
                session.id if session else None,
            )

        self.write(self.tr("the record of this practice"), save)

    # -- reading -------------------------------------------------------------------

    def recall(self, names: Sequence[str]) -> Mapping[str, object]:
        """Values for a practice's ``uses:`` names from the journal (empty when closed)."""
        if self.store is None:
            return {}
        try:
            return self.store.placeholder_values(names, self.today())
        except Exception:  # the practice reads well without earlier answers
            log.exception("cannot recall %s", list(names))
            return {}
