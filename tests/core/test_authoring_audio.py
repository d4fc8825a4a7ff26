"""Issue 20: clips that are not audio are located errors; validate's summary; 2:30."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from kapcompanion.cli.library import validate_command
from kapcompanion.core.loader import check_text
from kapcompanion.paths import data_folders
from tests.core.helpers import practice_text, write


@pytest.mark.parametrize("content", [b"", b"this is a text file, not a recording\n", b"OggS\0\0"])
def test_a_clip_that_is_not_audio_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    (tmp_path / "audio").mkdir()
    (tmp_path / "audio" / "broken.ogg").write_bytes(content)
    path = write(tmp_path, practice_text("- say: Welcome.\n  voice: audio/broken.ogg"))
    assert validate_command(data_folders(), [path]) == 1
    out = capsys.readouterr().out
    assert out == (
        f"{path}:8:12: error: audio/broken.ogg is not audio this app can read — export it "
        "again as .ogg, .wav, .flac or .mp3, or record it in the editor\n1 error\n"
    )


def test_a_real_clip_is_fine_and_all_valid_goes_to_stdout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "audio").mkdir()
    tone = 0.2 * np.sin(np.linspace(0, 440 * 2 * np.pi, 22050)).astype(np.float32)
    sf.write(tmp_path / "audio" / "hello.wav", tone, 22050)
    path = write(tmp_path, practice_text("- say: Welcome.\n  voice: audio/hello.wav"))
    assert validate_command(data_folders(), [path]) == 0
    captured = capsys.readouterr()
    assert captured.out == "all valid\n" and captured.err == ""


@pytest.mark.parametrize(
    ("written", "seconds"), [("2:30", 150), ('"2:30"', 150), ("1:02:03", 3723)]
)
def test_a_clock_reading_is_a_duration(written: str, seconds: float) -> None:
    practice, found = check_text(practice_text(f"- silence: {written}"), "p.yaml")
    assert found == [] and practice is not None
    assert practice.steps[0].duration == seconds


def test_a_clock_reading_past_59_is_refused_where_it_is() -> None:
    _, found = check_text(practice_text('- silence: "2:75"'), "p.yaml")
    assert [str(d) for d in found] == [
        'p.yaml:7:14: error: silence: "2:75" is not a duration; write minutes:seconds like '
        "2:30, or 2m30s"
    ]
