"""Get help now: the person's help lines, offline, one click from anywhere.

The panel lists the clinic's after-hours number first (when set), then the suggested lines
of the person's country (kapcompanion.helplines; the country comes from the system's
locale and can be changed here, which is remembered), then the person's own lines. Every
line shows whole: the list is as tall as its lines, scrolling only on a screen too small.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.helplines import CONTEXT, COUNTRIES, Country, country_for
from kapcompanion.settings import HelpLine, Settings
from kapcompanion.ui.widgets import text_label

log = logging.getLogger(__name__)

MIN_WIDTH = 560
# The panel is about this many characters wide (wider with a larger text size).
WIDTH_IN_CHARS = 72
# Room kept for the window's title bar; the smallest list height on a very short screen.
TITLE_BAR = 48
MIN_LIST = 160


def system_territory(locale: QLocale | None = None) -> str:
    """The two-letter code of the system locale's territory ("" when it names none).

    The system's, not the default locale's: the app sets the default from the interface
    language alone ("es"), which would make every Spanish speaker Spanish by country.
    """
    loc = locale if locale is not None else QLocale.system()
    if loc.territory() == QLocale.Country.AnyTerritory:
        return ""
    return QLocale.territoryToCode(loc.territory())


def _translated(line: HelpLine) -> HelpLine:
    tr = QCoreApplication.translate
    return HelpLine(tr(CONTEXT, line.name), tr(CONTEXT, line.contact), tr(CONTEXT, line.note))


def shown_lines(
    settings: Settings, clinic_label: str, territory: str | None = None
) -> list[HelpLine]:
    """The lines the panel lists, translated: the clinic, the country's lines, the person's.

    ``territory`` is the system's territory code (read from the system when None).
    """
    code = system_territory() if territory is None else territory
    place = country_for(code, settings.help_country)
    lines = [_translated(line) for line in place.lines]
    lines += list(settings.help_lines)
    if settings.clinic_number.strip():
        clinic = HelpLine(settings.clinic_name.strip() or clinic_label, settings.clinic_number)
        lines.insert(0, clinic)
    return lines


class HelpPanel(QDialog):
    """An always-offline panel with help lines and plain words about monitoring."""

    edit_requested = Signal()
    # The person chose the country whose lines to show (its code); the window keeps it.
    country_chosen = Signal(str)

    def __init__(
        self, settings: Settings, parent: QWidget | None = None, *, territory: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("helpPanel")
        self.setWindowTitle(self.tr("Get help now"))
        self.setAccessibleName(self.tr("Get help now"))
        self.setModal(False)
        self._territory = system_territory() if territory is None else territory
        head = text_label(self.tr("Get help now"), "h1")
        intro = text_label(
            self.tr(
                "If you are in danger, or might act on thoughts of harming yourself, please "
                "call your local emergency number now. You deserve support, and reaching "
                "out is a strong thing to do."
            )
        )
        self.not_monitored = text_label(
            self.tr(
                "This app is not monitored. Nobody sees what you write here, and nobody "
                "will be alerted — so if you need someone, please reach out directly."
            ),
            "safety",
        )
        self.not_monitored.setAccessibleName(self.tr("This app is not monitored"))
        self.country = QComboBox()
        self.country.setAccessibleName(self.tr("Help lines for"))
        self.country.setAccessibleDescription(
            self.tr("Shows the help lines of the country you choose")
        )
        for place in COUNTRIES:
            self.country.addItem(QCoreApplication.translate(CONTEXT, place.name), place.code)
        country_label = QLabel(self.tr("Help lines for"))
        country_label.setBuddy(self.country)
        country_row = QHBoxLayout()
        country_row.addWidget(country_label)
        country_row.addWidget(self.country)
        country_row.addStretch(1)
        self.lines_box = QVBoxLayout()
        self.lines_box.setContentsMargins(0, 0, 0, 0)
        self.lines_box.setSpacing(10)
        self.holder = QWidget()
        self.holder.setLayout(self.lines_box)
        self.list_area = QScrollArea()
        # Tab goes to the lines, each with a ring
        self.list_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list_area.setWidgetResizable(True)
        self.list_area.setFrameShape(QFrame.Shape.NoFrame)
        self.list_area.setWidget(self.holder)
        self.clinic_hint = text_label(
            self.tr("You can add your clinic's after-hours number under “Edit this list”."),
            "muted",
        )
        self.edit_button = QPushButton(self.tr("Edit this list"))
        self.edit_button.setAccessibleName(self.tr("Edit this list of help lines"))
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setProperty("primary", True)
        self.close_button.setAccessibleName(self.tr("Close help"))
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(28, 20, 28, 20)
        lay.setSpacing(12)
        self._wrapped: list[QLabel] = [head, intro, self.not_monitored, self.clinic_hint]
        for w in (head, intro, self.not_monitored):
            lay.addWidget(w)
        lay.addLayout(country_row)
        lay.addWidget(self.list_area, 1)
        lay.addWidget(self.clinic_hint)
        lay.addLayout(row)
        self.close_button.clicked.connect(self.close)
        self.edit_button.clicked.connect(self.edit_requested.emit)
        self.country.currentIndexChanged.connect(self._country_picked)
        self.cards: list[QFrame] = []
        self._settings = settings
        self.show_settings(settings)

    # -- sizing: every line whole ------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Keep the safety words and every help line whole at any width and text size."""
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Size the list to its lines as it shows."""
        super().showEvent(event)
        self._fit_window()

    def _fit_window(self) -> None:
        """As tall as the words and lines need (no taller), within the screen."""
        screen = self.screen()
        room = screen.availableGeometry().height() - TITLE_BAR if screen is not None else 900
        for _ in range(2):  # the words' heights follow the width, the list's the words'
            self._fit()
            lay = self.layout()
            if lay is not None:
                lay.activate()
            self.resize(self.minimumWidth(), min(room, self.sizeHint().height()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """A new text size changes the lines' heights."""
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def _fit(self) -> None:
        """Size the list to its lines; it scrolls only where the screen is too short for it.

        The panel widens with the text size (fewer wrapped lines) up to the screen's width.
        """
        screen = self.screen()
        area = screen.availableGeometry() if screen is not None else None
        wide = max(MIN_WIDTH, self.fontMetrics().averageCharWidth() * WIDTH_IN_CHARS)
        self.setMinimumWidth(min(wide, area.width() - 40) if area is not None else wide)
        for label in self._wrapped:
            label.setFixedHeight(label.heightForWidth(label.width()))
        width = self.list_area.viewport().width()
        need = self.holder.heightForWidth(width) if width > 0 else -1
        if need <= 0:
            need = self.holder.sizeHint().height()
        room = area.height() - TITLE_BAR if area is not None else 900
        self.list_area.setMinimumHeight(min(need, max(MIN_LIST, room - self._chrome())))
        self.list_area.setMaximumHeight(need)  # no empty space under the last line

    def _chrome(self) -> int:
        """The height of everything but the list: the words above it, the buttons below."""
        lay = self.layout()
        if lay is None:
            return 0
        margins = lay.contentsMargins()
        inner = max(0, self.width() - margins.left() - margins.right())
        total = margins.top() + margins.bottom()
        shown = 0
        for i in range(lay.count()):
            item = lay.itemAt(i)
            widget = item.widget() if item is not None else None
            if item is None or widget is self.list_area or (widget and widget.isHidden()):
                continue
            shown += 1
            if widget is not None and widget.hasHeightForWidth():
                total += widget.heightForWidth(inner)
            else:
                total += item.sizeHint().height()
        return total + lay.spacing() * shown

    def list_scrolls(self) -> bool:
        """Whether part of the list is hidden behind a scroll (only on a small screen)."""
        return self.list_area.verticalScrollBar().maximum() > 0

    # -- the lines -----------------------------------------------------------------------

    def place(self) -> Country:
        """The country whose lines show."""
        return country_for(self._territory, self._settings.help_country)

    def _country_picked(self, index: int) -> None:
        code = str(self.country.itemData(index) or "")
        if code and code != self.place().code:
            log.info("help lines for %s chosen", code)
            self.show_settings(replace(self._settings, help_country=code))
            self.country_chosen.emit(code)

    def show_settings(self, settings: Settings) -> None:
        """List the help lines from ``settings``."""
        self._settings = settings
        self.country.blockSignals(True)
        self.country.setCurrentIndex(max(0, self.country.findData(self.place().code)))
        self.country.blockSignals(False)
        while self.lines_box.count():
            item = self.lines_box.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.hide()
                old.deleteLater()
        self.cards = []
        clinic_label = self.tr("Your clinic (after hours)")
        for line in shown_lines(settings, clinic_label, self._territory):
            card = self._card(line)
            self.lines_box.addWidget(card)
            card.setVisible(True)
            self.cards.append(card)
        self.lines_box.addStretch(1)
        self.clinic_hint.setVisible(not settings.clinic_number.strip())
        if self.isVisible():
            self._fit_window()  # another country: another number of lines
        else:
            self._fit()

    def _card(self, line: HelpLine) -> QFrame:
        card = QFrame()
        card.setObjectName("card")
        cl = QVBoxLayout(card)
        cl.setContentsMargins(18, 10, 18, 10)
        cl.setSpacing(2)
        name = text_label(line.name)
        name.setStyleSheet("font-weight: 600;")
        contact = text_label(line.contact, "h2", selectable=True, by_keyboard=True)
        contact.setAccessibleName(f"{line.name}: {line.contact}")
        contact.setAccessibleDescription(line.note)
        cl.addWidget(name)
        cl.addWidget(contact)
        if line.note:
            cl.addWidget(text_label(line.note, "muted"))
        return card

    def choose_country(self, code: str) -> None:
        """Pick ``code`` in the drop-down, as the person would."""
        self.country.setCurrentIndex(self.country.findData(code))

    def texts(self) -> list[str]:
        """Every line of text the panel shows (for tests and screen readers)."""
        out = []
        for lab in self.findChildren(QLabel):
            if lab.isVisibleTo(self) and lab.text():
                out.append(lab.text())
        return out
