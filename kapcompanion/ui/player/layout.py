"""The layout of the player screen: its pages, its widgets, and what the person pressed.

The layout decides nothing: each control announces a request through a signal, and
:class:`~kapcompanion.ui.player.view.PlayerView` decides what happens.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.core.session import Session
from kapcompanion.ui.player.end_view import EndView
from kapcompanion.ui.player.pacer import Pacer
from kapcompanion.ui.player.parts import Guidance, Progress, StepList, button

log = logging.getLogger(__name__)

#: The pages, in the order of :attr:`PlayerLayout.pages` (the end screen is the fourth).
END_PAGE = 3
#: The pages of :attr:`PlayerLayout.stage`: the practice, a question (gate), the countdown.
STAGE_RUN, STAGE_GATE, STAGE_READY = 0, 1, 2


def centred(card: QWidget, height: int = 560) -> QWidget:
    """``card`` in the middle of a holder, at most 780 wide and ``height`` high."""
    holder = QWidget()
    outer = QVBoxLayout(holder)
    outer.setContentsMargins(40, 24, 40, 24)
    lay = QHBoxLayout()
    lay.addStretch(1)
    card.setMaximumWidth(780)
    card.setMaximumHeight(height)
    lay.addWidget(card, 6)
    lay.addStretch(1)
    outer.addStretch(1)
    outer.addLayout(lay, 8)
    outer.addStretch(1)
    holder.setFocusProxy(card)
    return holder


class PlayerLayout(QWidget):
    """The player's pages (stop rules, the practice, the offer to land, the end screen)."""

    begin_requested = Signal()  # "Begin now" during the countdown
    toggle_requested = Signal()  # pause or continue
    back_requested = Signal()
    skip_requested = Signal()
    mute_requested = Signal()
    volume_requested = Signal(float)  # change the overall volume by this much (0..1)
    need_stop_requested = Signal()  # "I need to stop"
    keep_going_requested = Signal()  # the answer to "Stop here?"
    stop_now_requested = Signal()  # "Stop here"
    grounding_requested = Signal()  # "Take a minute to land"
    end_here_requested = Signal()  # "End here" (no grounding)
    stop_requested = Signal()  # Esc: stop (the player asks first when well under way)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = QStackedWidget()
        self.rules_holder = QWidget()
        self._rules_box = QVBoxLayout(self.rules_holder)
        self.run_page = QWidget()
        self.end_view = EndView()
        self.offer = self._build_offer()
        for w in (self.rules_holder, self.run_page, self.offer, centred(self.end_view)):
            self.pages.addWidget(w)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self._build_run_page()
        self._keys()

    def _build_run_page(self) -> None:
        self.title = QLabel()
        self.title.setProperty("role", "muted")
        self.notice = QLabel()
        self.notice.setProperty("role", "muted")
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.pacer = Pacer()
        self.guidance = Guidance()
        self.ready_label = QLabel()
        self.ready_label.setProperty("role", "huge")
        self.ready_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ready_words = QLabel(self.tr("Get ready. Settle in; you can pause or stop any time."))
        self.ready_words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.ready_words.setWordWrap(True)
        self.begin_now = button(
            self.tr("Begin now"), self.tr("Begin now"), self.tr("Skip the countdown"), "Space"
        )
        ready = QWidget()
        rl = QVBoxLayout(ready)
        rl.addStretch(1)
        rl.addWidget(self.ready_label)
        rl.addWidget(self.ready_words)
        rl.addWidget(self.begin_now, 0, Qt.AlignmentFlag.AlignHCenter)
        rl.addStretch(1)
        self.paused_label = QLabel(self.tr("Paused — press Space or Play to go on"))
        self.paused_label.setProperty("role", "h2")
        self.paused_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.paused_label.setWordWrap(True)
        self.paused_label.setAccessibleName(self.tr("Paused"))
        self.paused_label.setAccessibleDescription(self.paused_label.text())
        keep = self.paused_label.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # showing it never moves the pacer
        self.paused_label.setSizePolicy(keep)
        self.paused_label.hide()
        stage_run = QWidget()
        sl = QVBoxLayout(stage_run)
        sl.addWidget(self.paused_label)
        sl.addWidget(self.pacer, 3)
        sl.addWidget(self.guidance, 1)
        self.gate_holder = QWidget()
        self._gate_box = QHBoxLayout(self.gate_holder)
        self._gate_box.setContentsMargins(10, 0, 10, 0)
        self._gate_box.addStretch(1)
        self._gate_box.addStretch(1)
        self.stage = QStackedWidget()
        for w in (stage_run, self.gate_holder, ready):
            self.stage.addWidget(w)
        self.steps = StepList()
        middle = QHBoxLayout()
        middle.addWidget(self.stage, 1)
        middle.addWidget(self.steps)
        self.progress = Progress()

        self.back_button = button(
            "←  " + self.tr("Previous step"),
            self.tr("Previous step"),
            self.tr("Restart this step, or go to the one before"),
            "←",
        )
        self.play_button = button("", self.tr("Pause"), self.tr("Pause or continue"), "Space")
        self.play_button.setProperty("primary", True)
        self.play_button.setMinimumWidth(150)
        self.skip_button = button(
            self.tr("Skip") + "  →", self.tr("Skip"), self.tr("Go to the next step"), "→"
        )
        self.mute_button = button("", self.tr("Mute"), self.tr("Turn the sound off or on"), "M")
        self.quieter = button("−", self.tr("Quieter"), self.tr("Lower the volume"), "−")
        self.louder = button("+", self.tr("Louder"), self.tr("Raise the volume"), "+")
        self.volume_label = QLabel()
        self.volume_label.setProperty("role", "muted")
        self.need_stop = button(
            self.tr("I need to stop"),
            self.tr("I need to stop"),
            self.tr("Fade the sound and offer a minute of grounding"),
        )
        controls = QHBoxLayout()
        controls.setSpacing(10)
        for w in (self.back_button, self.play_button, self.skip_button):
            controls.addWidget(w)
        controls.addStretch(1)
        for w in (self.quieter, self.volume_label, self.louder, self.mute_button):
            controls.addWidget(w)
        controls.addStretch(1)
        controls.addWidget(self.need_stop)

        self.confirm = QFrame()
        self.confirm.setObjectName("card")
        cl = QHBoxLayout(self.confirm)
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.keep_going = button(
            self.tr("Keep going"), self.tr("Keep going"), self.tr("Carry on with the practice")
        )
        self.keep_going.setProperty("primary", True)
        self.confirm_stop = button(
            self.tr("Stop here"), self.tr("Stop here"), self.tr("End the practice now")
        )
        cl.addWidget(self.confirm_text, 1)
        cl.addWidget(self.confirm_stop)
        cl.addWidget(self.keep_going)
        self.confirm.hide()

        lay = QVBoxLayout(self.run_page)
        lay.setContentsMargins(28, 16, 28, 20)
        lay.setSpacing(12)
        lay.addWidget(self.title)
        lay.addWidget(self.notice)
        lay.addLayout(middle, 1)
        lay.addWidget(self.progress)
        lay.addWidget(self.confirm)
        lay.addLayout(controls)

        self.begin_now.clicked.connect(self.begin_requested)
        self.play_button.clicked.connect(self.toggle_requested)
        self.back_button.clicked.connect(self.back_requested)
        self.skip_button.clicked.connect(self.skip_requested)
        self.mute_button.clicked.connect(self.mute_requested)
        self.quieter.clicked.connect(lambda: self.volume_requested.emit(-0.1))
        self.louder.clicked.connect(lambda: self.volume_requested.emit(0.1))
        self.need_stop.clicked.connect(self.need_stop_requested)
        self.keep_going.clicked.connect(self.keep_going_requested)
        self.confirm_stop.clicked.connect(self.stop_now_requested)

    def _keys(self) -> None:
        self.shortcuts: list[QShortcut] = []
        for keys, slot in (
            (("Space",), self._space),
            (("Right",), self.skip_requested.emit),
            (("Left",), self.back_requested.emit),
            (("Esc",), self.stop_requested.emit),
            (("M",), self.mute_requested.emit),
            (("+", "=", "Shift+="), lambda: self.volume_requested.emit(0.1)),
            (("-",), lambda: self.volume_requested.emit(-0.1)),
        ):
            for k in keys:
                sc = QShortcut(QKeySequence(k), self)
                sc.setContext(Qt.ShortcutContext.WindowShortcut)
                sc.activated.connect(slot)
                self.shortcuts.append(sc)
        self.set_keys(False)

    def set_keys(self, on: bool) -> None:
        """Turn the single-key shortcuts on or off."""
        for sc in self.shortcuts:
            sc.setEnabled(on)

    def _space(self) -> None:
        """Space pauses and continues — or presses the focused button, as Space always does."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QAbstractButton) and focus is not self.play_button:
            if focus.isVisible() and focus.isEnabled():
                focus.click()
            return
        self.toggle_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Esc while asking "stop here?" means keep going."""
        if event.key() == Qt.Key.Key_Escape and self.confirm.isVisible():
            self.keep_going_requested.emit()
            return
        super().keyPressEvent(event)

    def set_paused(self, paused: bool) -> None:
        """Show (or hide) the "Paused" line, which a screen reader also hears."""
        if self.paused_label.isVisibleTo(self) != paused:
            self.paused_label.setVisible(paused)

    def show_unstarted(self, session: Session, values: Mapping[str, object]) -> None:
        """``session`` before it plays (the countdown): nothing of a practice before it.

        The time reads 0:00 with the whole length to go, the steps show the first to
        come, and the Play button is named (Space or a click begins at once).
        """
        total = session.timeline.total
        self.progress.show_times(session.position, max(total - session.position, 0.0), 0.0)
        self.steps.mark(session.current_step, values)
        self.set_paused(False)
        self.play_button.setText(self.tr("Play"))
        self.play_button.setAccessibleName(self.tr("Play"))
        self.play_button.setEnabled(True)

    def show_rules(self, rules: QWidget) -> None:
        """Show the stop rules card ``rules`` (in place of any shown before)."""
        while (item := self._rules_box.takeAt(0)) is not None:
            old = item.widget()
            if old is not None:
                old.deleteLater()
        self._rules_box.addWidget(centred(rules))
        self.pages.setCurrentWidget(self.rules_holder)

    def put_gate(self, gate: QWidget) -> None:
        """Place the question ``gate`` between the stage's margins and show it."""
        self._gate_box.insertWidget(1, gate, 6)
        self.stage.setCurrentIndex(STAGE_GATE)

    def _build_offer(self) -> QWidget:
        card = QFrame()
        card.setObjectName("card")
        lay = QVBoxLayout(card)
        lay.setContentsMargins(40, 36, 40, 36)
        lay.setSpacing(16)
        head = QLabel(self.tr("That's okay. Stopping is always allowed."))
        head.setProperty("role", "h1")
        head.setWordWrap(True)
        words = QLabel(
            self.tr(
                "The sound is fading. Would you like a minute to land? "
                "We'll feel the feet on the floor and the hands resting — nothing more."
            )
        )
        words.setWordWrap(True)
        lay.addWidget(head)
        lay.addWidget(words)
        lay.addStretch(1)
        row = QHBoxLayout()
        self.end_here = button(
            self.tr("End here"), self.tr("End here"), self.tr("Finish without grounding")
        )
        self.ground = button(
            self.tr("Take a minute to land"),
            self.tr("Take a minute to land"),
            self.tr("A one-minute grounding: feet and hands"),
        )
        self.ground.setProperty("primary", True)
        row.addWidget(self.end_here)
        row.addStretch(1)
        row.addWidget(self.ground)
        lay.addLayout(row)
        self.ground.clicked.connect(self.grounding_requested)
        self.end_here.clicked.connect(self.end_here_requested)
        card.setFocusProxy(self.ground)
        return centred(card)
