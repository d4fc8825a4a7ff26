"""Every bad-input case a therapist can hit gets a located, actionable message."""

from pathlib import Path

import numpy as np
import pytest
import soundfile

from kapcompanion.core.errors import ValidationError
from kapcompanion.core.loader import check_file, check_text, load_file
from kapcompanion.core.model import BreatheStep, Practice, SayStep
from kapcompanion.core.validate import UsageError, validate_paths

from .helpers import practice_text, write


def problems(tmp_path: Path, text: str, name: str = "p.yaml"):
    item, diags = check_file(write(tmp_path, text, name))
    return item, diags


def only(diags, severity="error"):
    found = [d for d in diags if d.severity == severity]
    assert found, f"no {severity} in {diags}"
    return found


def test_valid_practice_builds(tmp_path):
    item, diags = problems(
        tmp_path,
        practice_text("""
        - say: Find a comfortable seat.
        - breathe: {inhale: [3, 1], exhale: 6, cycles: 3}
    """),
    )
    assert diags == [] and isinstance(item, Practice)
    assert isinstance(item.steps[0], SayStep) and isinstance(item.steps[1], BreatheStep)
    assert item.steps[1].pattern.inhale == (3.0, 1.0)


def test_top_level_must_be_a_mapping(tmp_path):
    _, diags = problems(tmp_path, "- say: hi\n")
    (d,) = diags
    assert (d.line, d.col) == (1, 1) and "mapping" in d.message


def test_missing_required_keys_each_reported(tmp_path):
    _, diags = problems(tmp_path, "kapcompanion: 1\nid: x\n")
    msgs = " ".join(d.message for d in diags)
    for key in ("title", "category", "summary", "steps"):
        assert f'"{key}"' in msgs


def test_unknown_key_and_step_kind_with_hints(tmp_path):
    _, diags = problems(
        tmp_path,
        practice_text(
            """
        - breath: {inhale: 4, exhale: 4, cycles: 2}
        - say: hi
          voise: a.ogg
    """,
            extra="titel: x\n",
        ),
    )
    text = [str(d) for d in diags]
    assert any(
        ':6:1: error: unknown key "titel"' in t and 'did you mean "title"' in t for t in text
    )
    assert any(':8:5: error: unknown step kind "breath"' in t and '"breathe"' in t for t in text)
    assert any(':10:5: error: unknown key "voise"' in t and '"voice"' in t for t in text)


def test_wrong_types(tmp_path):
    _, diags = problems(
        tmp_path,
        practice_text(
            """
        - breathe: {inhale: four, exhale: 4, cycles: many}
        - checklist: {title: T, items: 3}
        - reflect: a prompt
    """,
            extra="tags: 5\n",
        ),
    )
    msgs = [d.message for d in diags]
    assert any("tags must be a list" in m for m in msgs)
    assert any('"four" is not a duration' in m for m in msgs)
    assert any("cycles must be a whole number" in m for m in msgs)
    assert any("items must be a list" in m for m in msgs)
    assert any("reflect must be a mapping" in m for m in msgs)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("0", "more than 0"),
        ("-3", "more than 0"),
        (".inf", "finite"),
        (".nan", "finite"),
        ("soon", "not a duration"),
        ("5 minutes", "not a duration"),
    ],
)
def test_bad_durations(tmp_path, value, words):
    _, diags = problems(tmp_path, practice_text(f"- silence: {value}\n"))
    (d,) = only(diags)
    assert words in d.message and (d.line, d.col) == (7, 14)


def test_long_hold_is_a_warning_only(tmp_path):
    item, diags = problems(
        tmp_path, practice_text("- breathe: {inhale: 4, hold: 12, exhale: 8, cycles: 2}\n")
    )
    (w,) = diags
    assert w.severity == "warning" and "hold of 12 seconds" in w.message and item is not None


def test_cycles_and_for_both_given(tmp_path):
    _, diags = problems(
        tmp_path, practice_text("- breathe: {inhale: 4, exhale: 6, cycles: 3, for: 5m}\n")
    )
    (d,) = only(diags)
    assert "either" in d.message and d.line == 7


def test_for_rounds_to_whole_cycles(tmp_path):
    item, _ = problems(tmp_path, practice_text("- breathe: {inhale: 4, exhale: 6, for: 5m}\n"))
    assert item.steps[0].cycles == 30


def test_duplicate_mapping_keys(tmp_path):
    _, diags = problems(tmp_path, practice_text("- say: hi\n", extra="title: again\n"))
    (d,) = only(diags)
    assert "twice" in d.message and d.line == 6


def test_duplicate_ids_in_one_library(tmp_path):
    write(tmp_path, practice_text("- say: one\n", id="same"), "a.yaml")
    write(tmp_path, practice_text("- say: two\n", id="same"), "b/b.yaml")
    diags = validate_paths([tmp_path])
    (d,) = only(diags)
    assert d.path.endswith("b.yaml") and d.line == 2 and "also used" in d.message


def test_placeholders_need_an_earlier_save_or_uses(tmp_path):
    _, diags = problems(
        tmp_path,
        practice_text("""
        - say: "Remember {intention}."
        - reflect: {prompt: "What now?", save_as: intention}
        - say: "You wrote {intention} and {mood}."
    """),
    )
    errs = only(diags)
    assert [d.line for d in errs] == [7, 9, 9] or [d.line for d in errs] == [7, 9]
    assert all("not saved by an earlier step" in d.message for d in errs)
    item, diags = problems(
        tmp_path,
        practice_text('- say: "Remember {intention}."\n', extra="uses: [intention]\n"),
        "ok.yaml",
    )
    assert diags == [] and item.uses == ("intention",)


@pytest.mark.parametrize(
    ("voice", "words"),
    [
        ("/etc/passwd.ogg", "absolute"),
        ("C:/clips/a.ogg", "absolute"),
        ("../outside.ogg", "climbs out"),
        ("audio/../../x.ogg", "climbs out"),
        ("audio\\\\a.ogg", "backslashes"),
        ("audio/missing.ogg", "does not exist"),
        ("notes.txt", "not a supported audio"),
    ],
)
def test_bad_audio_paths(tmp_path, voice, words):
    _, diags = problems(tmp_path, practice_text(f'- say: hi\n  voice: "{voice}"\n'))
    (d,) = only(diags)
    assert words in d.message and (d.line, d.col) == (8, 12)


def test_existing_clip_sets_the_say_length(tmp_path):
    (tmp_path / "audio").mkdir()
    tone = 0.1 * np.sin(2 * np.pi * 220 * np.arange(44100 * 3) / 44100)
    soundfile.write(tmp_path / "audio" / "hi.wav", tone[:, None], 44100)
    item, diags = problems(tmp_path, practice_text("- say: hi\n  voice: audio/hi.wav\n"))
    assert diags == [] and item.steps[0].duration == pytest.approx(3.0)


def test_a_silent_clip_is_a_warning(tmp_path):
    (tmp_path / "audio").mkdir()
    soundfile.write(tmp_path / "audio" / "hi.wav", np.zeros((44100 * 3, 1)), 44100)
    item, diags = problems(tmp_path, practice_text("- say: hi\n  voice: audio/hi.wav\n"))
    assert [str(d).split(": ", 1)[1] for d in diags] == [
        "warning: audio/hi.wav is silent — record it again and check that the right "
        "microphone is chosen"
    ]
    assert item.steps[0].voice == tmp_path / "audio" / "hi.wav"


def test_total_over_four_hours(tmp_path):
    _, diags = problems(tmp_path, practice_text("- silence: 3h\n- silence: 1h1m\n"))
    (d,) = only(diags)
    assert "4 hours" in d.message


def test_more_than_2000_steps_after_repeats(tmp_path):
    _, diags = problems(
        tmp_path,
        practice_text("""
        - repeat: 1000
          steps:
            - say: one
            - say: two
            - silence: 1
    """),
    )
    (d,) = only(diags)
    assert "2000 steps" in d.message and d.line == 7


def test_huge_repeat_is_refused_without_expanding(tmp_path):
    _, diags = problems(
        tmp_path,
        practice_text("""
        - repeat: 2000
          steps:
            - repeat: 2000
              steps:
                - silence: 1
    """),
    )
    assert any("2000 steps" in d.message for d in diags)


def test_interactive_steps(tmp_path):
    item, diags = problems(
        tmp_path,
        practice_text("""
        - reflect: {prompt: What are you bringing?, save_as: intention}
        - check_in: {question: How settled?, save_as: settled, labels: [not at all, completely]}
        - checklist: {title: Before you leave, items: [Ride home, Light meal]}
    """),
    )
    assert diags == [] and item.saved_names == ("intention", "settled")


def test_bad_save_as_and_labels(tmp_path):
    _, diags = problems(
        tmp_path,
        practice_text("""
        - check_in: {question: q, save_as: Bad Name, labels: [only one]}
    """),
    )
    msgs = [d.message for d in only(diags)]
    assert any("not a valid name" in m for m in msgs) and any("two words" in m for m in msgs)


def test_unknown_bundled_sound_suggests(tmp_path):
    _, diags = problems(tmp_path, practice_text("- bell: singing-bowel\n"))
    (d,) = only(diags)
    assert 'did you mean "singing-bowl"' in d.hint


def test_format_version(tmp_path):
    _, diags = problems(
        tmp_path, practice_text("- say: hi\n").replace("kapcompanion: 1", "kapcompanion: 2")
    )
    (d,) = only(diags)
    assert "version 2" in d.message and d.line == 1


def test_every_problem_reported_at_once(tmp_path):
    _, diags = problems(
        tmp_path,
        practice_text(
            """
        - silence: 0
        - bell: gong
        - breathe: {inhale: 4, exhale: 4}
    """,
            extra="category: sleep\n",
        ).replace("category: anytime\n", ""),
    )
    assert len(only(diags)) == 4


def test_load_file_raises_with_diagnostics(tmp_path):
    path = write(tmp_path, practice_text("- silence: 0\n"))
    with pytest.raises(ValidationError) as info:
        load_file(path)
    assert info.value.diagnostics[0].line == 7
    assert str(info.value).startswith(f"{path}:7:14: error:")


def test_check_text_for_the_editor():
    item, diags = check_text(practice_text("- say: hi\n"), "<draft>")
    assert item is not None and diags == []


def test_validate_missing_path_is_usage_error(tmp_path):
    with pytest.raises(UsageError):
        validate_paths([tmp_path / "nope"])


def test_program_validation(tmp_path):
    write(tmp_path, practice_text("- say: hi\n", id="calm"), "calm.yaml")
    write(
        tmp_path,
        """\
kapcompanion: 1
kind: program
id: my-week
title: My week
days:
  - {day: -2, practices: [calm]}
  - {day: 0, when: before, practices: [calm]}
  - {day: 3, practices: [calm, missing-one]}
""",
        "week.yaml",
    )
    write(
        tmp_path,
        """\
kapcompanion: 1
kind: program
id: other-week
title: Other week
days:
  - {day: 3, when: after, practices: [calm]}
""",
        "other.yaml",
    )
    diags = validate_paths([tmp_path])
    found = {(Path(d.path).name, d.line, d.message) for d in diags}
    assert any(n == "other.yaml" and line == 6 and "only day 0" in m for n, line, m in found)
    assert any(n == "week.yaml" and line == 8 and "missing-one" in m for n, line, m in found)
