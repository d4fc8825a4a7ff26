"""Settings: sound, practice, appearance and help lines, in one calm dialog."""

from __future__ import annotations

import logging
from dataclasses import replace
from enum import Enum
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.settings import (
    MAX_GET_READY,
    Ambient,
    ChannelVolumes,
    CueStyle,
    HelpLine,
    Language,
    Settings,
    Theme,
)
from kapcompanion.ui.choice_labels import (
    AMBIENT_LABELS,
    CUE_STYLE_LABELS,
    LANGUAGE_LABELS,
    TEXT_SIZE_LABELS,
    THEME_LABELS,
    choice_items,
)
from kapcompanion.ui.speech import speech_available
from kapcompanion.ui.voice_settings import VoiceTab
from kapcompanion.ui.wrap_check import WrapCheckBox

log = logging.getLogger(__name__)


def _slider(value: float, name: str) -> QSlider:
    s = QSlider(Qt.Orientation.Horizontal)
    s.setRange(0, 100)
    s.setSingleStep(5)
    s.setPageStep(10)
    s.setValue(round(value * 100))
    s.setAccessibleName(name)
    s.setAccessibleDescription(f"{round(value * 100)} %")
    s.valueChanged.connect(lambda v: s.setAccessibleDescription(f"{v} %"))
    return s


def _combo(name: str, items: list[tuple[str, object]], current: object) -> QComboBox:
    c = QComboBox()
    c.setAccessibleName(name)
    for label, data in items:
        c.addItem(label, data)
    i = c.findData(current.value if isinstance(current, Enum) else current)
    c.setCurrentIndex(max(i, 0))
    return c


class SettingsDialog(QDialog):
    """Edits a copy of the settings; :meth:`values` returns the result."""

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        help_lines: bool = False,
        voice_cache: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self.setMinimumSize(620, 560)
        self._base = settings
        self.tabs = QTabWidget()
        self.tabs.addTab(self._sound_tab(settings), self.tr("Sound"))
        self.voice_tab = VoiceTab(settings, voice_cache)
        self.tabs.addTab(self.voice_tab, self.tr("Voice"))
        self.tabs.addTab(self._practice_tab(settings), self.tr("Practice"))
        self.tabs.addTab(self._look_tab(settings), self.tr("Appearance"))
        self.help_page = self._help_tab(settings)
        self.tabs.addTab(self.help_page, self.tr("Help lines"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 20, 20, 20)
        lay.addWidget(self.tabs, 1)
        lay.addWidget(buttons)
        if help_lines:
            self.show_help_lines()

    # -- tabs --------------------------------------------------------------------

    def _sound_tab(self, s: Settings) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setSpacing(14)
        v = s.volumes
        # One name per control: the volumes say "volume", the choices say what they choose.
        self.master = _slider(v.master, self.tr("Overall volume"))
        self.voice = _slider(v.voice, self.tr("Voice volume"))
        self.cue = _slider(v.cue, self.tr("Breath cue volume"))
        self.ambient_volume = _slider(v.ambient, self.tr("Background sound volume"))
        form.addRow(self.tr("Overall volume"), self.master)
        form.addRow(self.tr("Voice volume"), self.voice)
        form.addRow(self.tr("Breath cue volume"), self.cue)
        form.addRow(self.tr("Background sound volume"), self.ambient_volume)
        self.ambient = _combo(self.tr("Background sound"), choice_items(AMBIENT_LABELS), s.ambient)
        form.addRow(self.tr("Background sound"), self.ambient)
        self.cue_style = _combo(
            self.tr("Breath cue sound"), choice_items(CUE_STYLE_LABELS), s.cue_style
        )
        form.addRow(self.tr("Breath cue sound"), self.cue_style)
        self.read_aloud = WrapCheckBox(
            self.tr("Read guidance aloud when there is no recorded voice")
        )
        self.read_aloud.setAccessibleName(self.read_aloud.text())
        self.read_aloud.setChecked(s.read_aloud)
        form.addRow("", self.read_aloud)
        self.read_aloud_note = QLabel(
            self.tr("Reading aloud needs a system voice, which isn't available here.")
        )
        self.read_aloud_note.setProperty("role", "muted")
        self.read_aloud_note.setWordWrap(True)
        form.addRow("", self.read_aloud_note)
        available = speech_available()
        self.read_aloud.setVisible(available)
        self.read_aloud_note.setVisible(not available)
        return page

    def _practice_tab(self, s: Settings) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setSpacing(14)
        self.get_ready = QSpinBox()
        self.get_ready.setRange(0, MAX_GET_READY)
        self.get_ready.setSuffix(self.tr(" seconds"))
        self.get_ready.setValue(s.get_ready_seconds)
        self.get_ready.setAccessibleName(self.tr("Get-ready countdown"))
        self.get_ready.setAccessibleDescription(self.tr("0 begins straight away"))
        form.addRow(self.tr("Get-ready countdown"), self.get_ready)
        self.reduced_motion = WrapCheckBox(self.tr("Reduce motion (a calm filling bar, no fades)"))
        self.reduced_motion.setAccessibleName(self.reduced_motion.text())
        self.reduced_motion.setChecked(s.reduced_motion)
        form.addRow("", self.reduced_motion)
        self.reset_rules = WrapCheckBox(self.tr("Show the stop rules again before every practice"))
        self.reset_rules.setAccessibleName(self.reset_rules.text())
        self.reset_rules.setEnabled(bool(s.rules_dismissed))
        form.addRow("", self.reset_rules)
        self.therapist_mode = WrapCheckBox(self.tr("Therapist mode"))
        self.therapist_mode.setAccessibleName(self.tr("Therapist mode"))
        self.therapist_mode.setAccessibleDescription(
            self.tr("Shows the tools for writing, editing and sharing practices")
        )
        self.therapist_mode.setChecked(s.therapist_mode)
        form.addRow("", self.therapist_mode)
        therapist_note = QLabel(
            self.tr(
                "For therapists: adds New practice…, Edit practice… and Share with a "
                "client… to the More menu. You don't need it to practise."
            )
        )
        therapist_note.setProperty("role", "muted")
        therapist_note.setWordWrap(True)
        form.addRow("", therapist_note)
        return page

    def _look_tab(self, s: Settings) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setSpacing(14)
        self.theme = _combo(self.tr("Theme"), choice_items(THEME_LABELS), s.theme)
        form.addRow(self.tr("Theme"), self.theme)
        self.text_scale = _combo(self.tr("Text size"), choice_items(TEXT_SIZE_LABELS), s.text_scale)
        form.addRow(self.tr("Text size"), self.text_scale)
        self.language = _combo(self.tr("Language"), choice_items(LANGUAGE_LABELS), s.language)
        form.addRow(self.tr("Language"), self.language)
        note = QLabel(
            self.tr(
                "A new language shows as soon as you save (when a practice is under way, "
                "as soon as it ends)."
            )
        )
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        form.addRow("", note)
        return page

    def _help_tab(self, s: Settings) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        form = QFormLayout()
        self.clinic_name = QLineEdit(s.clinic_name)
        self.clinic_name.setPlaceholderText(self.tr("e.g. Riverside Clinic"))
        self.clinic_name.setAccessibleName(self.tr("Clinic name"))
        self.clinic_number = QLineEdit(s.clinic_number)
        self.clinic_number.setPlaceholderText(self.tr("After-hours number"))
        self.clinic_number.setAccessibleName(self.tr("Clinic after-hours number"))
        form.addRow(self.tr("Clinic"), self.clinic_name)
        form.addRow(self.tr("After-hours number"), self.clinic_number)
        lay.addLayout(form)
        own = QLabel(
            self.tr(
                "Get help now shows the help lines of your country. Add your own people and "
                "places to turn to here; they show after them."
            )
        )
        own.setProperty("role", "muted")
        own.setWordWrap(True)
        lay.addWidget(own)
        self.lines = QTableWidget(0, 3)
        self.lines.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Contact"), self.tr("Note")])
        self.lines.setAccessibleName(self.tr("Your own help lines"))
        self.lines.setAccessibleDescription(self.tr("Each row: a name, how to reach it, a note"))
        self.lines.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.lines.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines.setTabKeyNavigation(False)
        self.lines.verticalHeader().hide()
        self._fill_lines(s.help_lines)
        lay.addWidget(self.lines, 1)
        row = QHBoxLayout()
        self.add_line = QPushButton(self.tr("Add a line"))
        self.remove_line = QPushButton(self.tr("Remove the selected line"))
        for b in (self.add_line, self.remove_line):
            b.setAccessibleName(b.text())
            row.addWidget(b)
        row.addStretch(1)
        lay.addLayout(row)
        self.add_line.clicked.connect(self._add_line)
        self.remove_line.clicked.connect(self._remove_line)
        return page

    def _fill_lines(self, lines: tuple[HelpLine, ...]) -> None:
        self.lines.setRowCount(0)
        for line in lines:
            r = self.lines.rowCount()
            self.lines.insertRow(r)
            for c, text in enumerate((line.name, line.contact, line.note)):
                self.lines.setItem(r, c, QTableWidgetItem(text))

    def _add_line(self) -> None:
        r = self.lines.rowCount()
        self.lines.insertRow(r)
        cells = [QTableWidgetItem("") for _ in range(3)]
        for c, cell in enumerate(cells):
            self.lines.setItem(r, c, cell)
        self.lines.setCurrentCell(r, 0)
        self.lines.editItem(cells[0])

    def _remove_line(self) -> None:
        r = self.lines.currentRow()
        if r >= 0:
            self.lines.removeRow(r)

    def show_help_lines(self) -> None:
        """Open on the help lines tab."""
        self.tabs.setCurrentWidget(self.help_page)

    # -- result ------------------------------------------------------------------

    def help_lines(self) -> tuple[HelpLine, ...]:
        """The rows of the table that have a name."""
        out = []
        for r in range(self.lines.rowCount()):
            cells = [self.lines.item(r, c) for c in range(3)]
            name, contact, note = ((x.text().strip() if x else "") for x in cells)
            if name:
                out.append(HelpLine(name, contact, note))
        return tuple(out)

    def values(self) -> Settings:
        """The settings as edited."""
        edited = replace(
            self._base,
            volumes=ChannelVolumes(
                self.master.value() / 100,
                self.voice.value() / 100,
                self.cue.value() / 100,
                self.ambient_volume.value() / 100,
            ),
            ambient=Ambient(self.ambient.currentData()),
            cue_style=CueStyle(self.cue_style.currentData()),
            read_aloud=self.read_aloud.isChecked() and speech_available(),
            get_ready_seconds=self.get_ready.value(),
            reduced_motion=self.reduced_motion.isChecked(),
            rules_dismissed=() if self.reset_rules.isChecked() else self._base.rules_dismissed,
            theme=Theme(self.theme.currentData()),
            text_scale=float(self.text_scale.currentData()),
            language=Language(self.language.currentData()),
            clinic_name=self.clinic_name.text().strip(),
            clinic_number=self.clinic_number.text().strip(),
            help_lines=self.help_lines(),
            therapist_mode=self.therapist_mode.isChecked(),
        )
        return self.voice_tab.apply(edited)

    @classmethod
    def get_settings(
        cls, parent: QWidget | None, settings: Settings, *, help_lines: bool = False
    ) -> tuple[Settings, bool]:
        """Show the dialog; returns the edited settings and whether they were saved."""
        # The voice's cache folder is the player's (the app sets it from the data dir).
        link = getattr(getattr(parent, "player", None), "voice_link", None)
        dlg = cls(
            settings, parent, help_lines=help_lines, voice_cache=getattr(link, "folder", None)
        )
        ok = dlg.exec() == QDialog.DialogCode.Accepted
        return (dlg.values() if ok else settings), ok
