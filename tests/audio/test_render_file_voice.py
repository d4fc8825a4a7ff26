"""``kapcompanion render`` of a practice not in English: a file, no English voice, one note.

No system voice can be taken into a file with this PySide6 (see
:func:`kapcompanion.ui.speech.file_voice_problem`), so these are the "no engine" paths,
run for real: the command in a child process, real settings, real translations.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import soundfile as sf

from kapcompanion.settings import FILE_NAME, Language, Settings, SettingsStore
from kapcompanion.ui.speech import file_voice_note, file_voice_problem

ROOT = Path(__file__).resolve().parents[2]

SPANISH = """\
kapcompanion: 1
id: pausa-corta
title: Pausa corta
language: es
category: anytime
summary: Dos frases y un momento de calma.
tags: [test]
steps:
  - say: Deja caer los hombros.
  - silence: 2s
  - say: Nota los pies en el suelo.
    duration: 3s
"""

NOTE_EN = "no voice on this computer can record this practice's language into a file"
NOTE_ES = "ninguna voz de este equipo puede grabar el idioma de esta práctica en un archivo"


def render(tmp_path: Path, language: Language) -> subprocess.CompletedProcess[str]:
    data = tmp_path / "data"
    data.mkdir()
    assert SettingsStore(data / FILE_NAME).save(Settings(language=language))
    src = tmp_path / "pausa.yaml"
    src.write_text(SPANISH, encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "KAPCOMPANION_DATA_DIR": str(data),
        "QT_QPA_PLATFORM": "offscreen",
    }
    return subprocess.run(
        [sys.executable, "-m", "kapcompanion", "render", str(src), "-o", str(tmp_path / "o.wav")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize(("language", "note"), [(Language.ES, NOTE_ES), (Language.EN, NOTE_EN)])
def test_a_spanish_render_says_once_in_the_app_language_and_still_renders(
    tmp_path: Path, language: Language, note: str
) -> None:
    done = render(tmp_path, language)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count(note) == 1, done.stderr
    assert done.stderr.count("Note:") == 1  # and not the English-only note besides
    info = sf.info(str(tmp_path / "o.wav"))
    assert info.frames > 5 * info.samplerate  # bells and quiet, the steps' own lengths
    # The English voice never said the Spanish words: nothing was synthesised or cached.
    voice = tmp_path / "data" / "cache" / "voice"
    assert not list(voice.glob("*.flac"))


def test_why_no_file_voice_is_named() -> None:
    from PySide6.QtTextToSpeech import QTextToSpeech

    why = file_voice_problem("es")
    if not hasattr(QTextToSpeech, "synthesize"):  # PySide6 6.12, checked here
        assert "does not bind QTextToSpeech.synthesize" in why
    assert why


def test_the_note_is_translated(qapp: object) -> None:
    assert NOTE_ES in file_voice_note("es")
    assert NOTE_EN in file_voice_note("en")
