"""Setting choices are declared once (enums in settings) and labelled once (ui.choice_labels)."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kapcompanion.core.model import AMBIENT_SOUNDS
from kapcompanion.settings import (
    Ambient,
    CueStyle,
    Language,
    Settings,
    SettingsStore,
    TextSize,
    Theme,
)
from kapcompanion.ui import choice_labels as labels
from kapcompanion.ui.i18n import install_translations, resolve
from kapcompanion.ui.settings_dialog import SettingsDialog

TABLES: list[tuple[type[Enum], dict]] = [
    (Ambient, labels.AMBIENT_LABELS),
    (CueStyle, labels.CUE_STYLE_LABELS),
    (Theme, labels.THEME_LABELS),
    (TextSize, labels.TEXT_SIZE_LABELS),
    (Language, labels.LANGUAGE_LABELS),
]


@pytest.mark.parametrize(("choices", "table"), TABLES)
def test_every_choice_has_one_label_in_its_order(choices: type[Enum], table: dict) -> None:
    assert list(table) == list(choices)
    assert all(isinstance(text, str) and text for text in table.values())


def test_the_ambient_beds_are_the_built_in_sounds() -> None:
    beds = {a.value for a in Ambient} - {Ambient.PRACTICE, Ambient.NONE}
    assert beds == set(AMBIENT_SOUNDS)


def test_the_dialog_offers_each_table(qtbot) -> None:
    dlg = SettingsDialog(Settings())
    qtbot.addWidget(dlg)
    for combo, (choices, _labels) in zip(
        (dlg.ambient, dlg.cue_style, dlg.theme, dlg.text_scale, dlg.language), TABLES, strict=True
    ):
        assert [combo.itemData(i) for i in range(combo.count())] == [c.value for c in choices]


def test_an_enum_choice_is_shown_and_given_back(qtbot) -> None:
    chosen = Settings(
        ambient=Ambient.OCEAN, cue_style=CueStyle.BELL, theme=Theme.DARK, language=Language.ES
    )
    dlg = SettingsDialog(chosen)
    qtbot.addWidget(dlg)
    assert dlg.ambient.currentText() == "Ocean" and dlg.language.currentText() == "Español"
    got = dlg.values()
    assert (got.ambient, got.cue_style, got.theme, got.language) == (
        Ambient.OCEAN,
        CueStyle.BELL,
        Theme.DARK,
        Language.ES,
    )
    assert got.ambient is Ambient.OCEAN


def test_the_file_keeps_the_plain_values(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    store.save(Settings(ambient=Ambient.BROWN_NOISE, theme=Theme.LIGHT, language=Language.EN))
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert (data["ambient"], data["theme"], data["language"]) == ("brown-noise", "light", "en")
    loaded = store.load()
    assert loaded.ambient is Ambient.BROWN_NOISE and loaded.language is Language.EN


def test_languages_are_declared_once() -> None:
    assert [lang.value for lang in Language.offered()] == ["en", "es"]
    assert resolve(Language.ES) == "es" and type(resolve(Language.ES)) is str
    assert resolve("fr") in {lang.value for lang in Language.offered()}


def test_labels_are_translated(qtbot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translations(app, "es")
    try:
        shown = {value: text for text, value in labels.choice_items(labels.AMBIENT_LABELS)}
        assert shown["rain"] == "Lluvia"
        names = {value: text for text, value in labels.choice_items(labels.LANGUAGE_LABELS)}
        assert names["en"] == "English" and names["es"] == "Español"
    finally:
        install_translations(app, "en")


def test_text_sizes_are_named_in_order_smallest_first(qtbot) -> None:
    assert [s.value for s in TextSize] == sorted(s.value for s in TextSize)
    assert list(labels.TEXT_SIZE_LABELS.values()) == [
        "Small",
        "Standard",
        "Large",
        "Larger",
        "Largest",
    ]
    dlg = SettingsDialog(Settings(text_scale=1.3))
    qtbot.addWidget(dlg)
    shown = [dlg.text_scale.itemText(i) for i in range(dlg.text_scale.count())]
    assert shown == ["Small", "Standard", "Large", "Larger", "Largest"]
    assert dlg.text_scale.currentText() == "Larger"  # 1.3, the same size as before


def test_each_sound_control_has_a_name_of_its_own(qtbot) -> None:
    from PySide6.QtWidgets import QFormLayout, QLabel

    dlg = SettingsDialog(Settings())
    qtbot.addWidget(dlg)
    page = dlg.tabs.widget(0)
    form = page.layout()
    assert isinstance(form, QFormLayout)
    names = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        if isinstance(label, QLabel) and label.text():
            names.append(label.text())
    assert len(names) == len(set(names)), names
    assert "Breath cue volume" in names and "Breath cue sound" in names
    assert dlg.cue_style.accessibleName() == "Breath cue sound"
