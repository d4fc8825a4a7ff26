from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from kapcompanion.settings import (
    DEFAULT_HELP_LINES,
    SETTINGS_VERSION,
    ChannelVolumes,
    HelpLine,
    Settings,
    SettingsStore,
)


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    s = SettingsStore(tmp_path / "none.json").load()
    assert s == Settings()
    assert s.version == SETTINGS_VERSION


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    s = replace(
        Settings(),
        volumes=ChannelVolumes(0.4, 0.9, 0.2, 0.1),
        muted=True,
        ambient="rain",
        cue_style="bell",
        get_ready_seconds=0,
        reduced_motion=True,
        text_scale=1.3,
        theme="dark",
        help_lines=(HelpLine("My sister", "555-0100", "evenings"),),
        clinic_name="Riverside",
        clinic_number="555-0199",
        rules_dismissed=("box-4",),
        last_view="practice:box-4",
    )
    assert store.save(s)
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["version"] == SETTINGS_VERSION
    assert store.load() == s


def test_default_store_lives_in_the_data_dir(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("KAPCOMPANION_DATA_DIR", str(tmp_path))
    store = SettingsStore()
    store.save(replace(Settings(), theme="light"))
    assert (tmp_path / "settings.json").is_file()
    assert store.load().theme == "light"


def test_damaged_file_falls_back_and_is_kept_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert SettingsStore(path).load() == Settings()
    assert (tmp_path / "settings.json.bad").read_text(encoding="utf-8") == "{not json"


def test_bad_values_are_defaulted_or_clamped(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps(
            {
                "version": SETTINGS_VERSION,
                "theme": "purple",
                "cue_style": 3,
                "get_ready_seconds": 999,
                "text_scale": 9,
                "volumes": {"master": 2, "voice": "loud", "cue": -1},
                "muted": "yes",
                "help_lines": [{"name": "A", "contact": "1"}, "junk", {"contact": "no name"}],
                "unknown_key": 1,
            }
        ),
        encoding="utf-8",
    )
    s = SettingsStore(path).load()
    assert s.theme == "system"
    assert s.cue_style == "tones"
    assert s.get_ready_seconds == 30
    assert s.text_scale == 1.5
    assert s.volumes == ChannelVolumes(master=1.0, voice=1.0, cue=0.0, ambient=0.5)
    assert s.muted is False
    assert s.help_lines == (HelpLine("A", "1", ""),)


def test_version_1_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "volume": 0.3, "dark": True}), encoding="utf-8")
    s = SettingsStore(path).load()
    assert s.version == SETTINGS_VERSION
    assert s.volumes.master == 0.3
    assert s.theme == "dark"


def test_unwritable_place_is_reported_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert SettingsStore(blocker / "settings.json").save(Settings()) is False


def test_suggested_help_lines_follow_the_content_brief_by_country() -> None:
    from kapcompanion.helplines import COUNTRIES, INTERNATIONAL, country

    assert DEFAULT_HELP_LINES == ()  # the person's own lines start empty
    us = country("US")
    assert [h.contact for h in us.lines][:2] == ["911", "988"]
    lifeline = us.lines[1]
    assert "Call or text" in lifeline.note and "press 2" in lifeline.note
    assert "AYUDA" in lifeline.note
    fireside = next(h for h in us.lines if h.name == "Fireside Project")
    assert fireside.contact == "623-473-7433"
    assert "not a crisis line" in fireside.note and "limited hours" in fireside.note
    assert {h.contact for h in country("ES").lines} >= {"024", "112"}
    assert "800 911 2000" in {h.contact for h in country("MX").lines}
    assert {h.contact for h in country("GB").lines} >= {"116 123", "999", "111"}
    assert "9-8-8" in {h.contact for h in country("CA").lines}
    assert country("DE").code == INTERNATIONAL
    for place in COUNTRIES:  # every list ends with the international directory
        assert place.lines[-1].contact == "findahelpline.com", place.code


def test_every_help_number_is_documented_with_its_source() -> None:
    from kapcompanion.helplines import COUNTRIES

    doc = (Path(__file__).resolve().parents[2] / "docs" / "help-lines.md").read_text("utf-8")
    assert "2026-12-03" in doc and "re-check" in doc
    for place in COUNTRIES:
        for line in place.lines:
            number = line.contact.split(" — ")[0]
            assert number in doc, (place.code, number)


def test_settings_import_without_qt() -> None:
    code = (
        "import sys, kapcompanion.settings as s; s.Settings();"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
