"""The layout of the player screen, kept apart from what the player does."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.ui.player.end_view import EndView
from kapcompanion.ui.player.pacer import Pacer
from kapcompanion.ui.player.parts import Guidance, Progress, StepList, button

log = logging.getLogger(__name__)


class PlayerLayout:
    """Builds the player's pages; mixed into :class:`~kapcompanion.ui.player.view.PlayerView`.

    The slots it connects (toggle, skip, ...) and ``tr`` come from the player view.
    """

    tr: Any

    def _build(self) -> None:
        self.pages = QStackedWidget()
        self.rules_holder = QWidget()
        QVBoxLayout(self.rules_holder)
        self.run_page = QWidget()
        self.end_view = EndView()
        self.offer = self._build_offer()
        for w in (self.rules_holder, self.run_page, self.offer, self._centred(self.end_view)):
            self.pages.addWidget(w)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

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
        stage_run = QWidget()
        sl = QVBoxLayout(stage_run)
        sl.addWidget(self.pacer, 3)
        sl.addWidget(self.guidance, 1)
        self.gate_holder = QWidget()
        gl = QHBoxLayout(self.gate_holder)
        gl.setContentsMargins(10, 0, 10, 0)
        gl.addStretch(1)
        gl.addStretch(1)
        self.stage = QStackedWidget()
        for w in (stage_run, self.gate_holder, ready):
            self.stage.addWidget(w)
        self.steps = StepList()
        middle = QHBoxLayout()
        middle.addWidget(self.stage, 1)
        middle.addWidget(self.steps)
        self.progress = Progress()

        self.back_button = button(
            "←  " + self.tr("Back"),
            self.tr("Back"),
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

        self.begin_now.clicked.connect(self._begin_session)
        self.play_button.clicked.connect(self.toggle)
        self.back_button.clicked.connect(self.back)
        self.skip_button.clicked.connect(self.skip)
        self.mute_button.clicked.connect(self.toggle_mute)
        self.quieter.clicked.connect(lambda: self.change_volume(-0.1))
        self.louder.clicked.connect(lambda: self.change_volume(0.1))
        self.need_stop.clicked.connect(self.need_to_stop)
        self.keep_going.clicked.connect(self._keep_going)
        self.confirm_stop.clicked.connect(self.stop_now)
        self.end_view.library_requested.connect(self.closed.emit)
        self.end_view.again_requested.connect(self._again)

    def _centred(self, card: QWidget, height: int = 560) -> QWidget:
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
        self.ground.clicked.connect(self.start_grounding)
        self.end_here.clicked.connect(lambda: self._finish(completed=False))
        card.setFocusProxy(self.ground)
        return self._centred(card)
