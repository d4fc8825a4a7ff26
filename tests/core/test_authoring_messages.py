"""Issue 20: YAML mistakes a therapist makes are named, at the place to change."""

from __future__ import annotations

from kapcompanion.core.loader import check_text
from tests.core.helpers import practice_text


def problems(text: str) -> list[str]:
    return [str(d) for d in check_text(text, "p.yaml")[1]]


def test_curly_quotes_are_named_at_the_quote() -> None:
    text = practice_text("- say: “You are arriving with: {word}…”")
    line = text.splitlines().index("  - say: “You are arriving with: {word}…”") + 1
    assert problems(text) == [
        f'p.yaml:{line}:10: error: curly quotes “ ” are not YAML quotes — use straight quotes " "'
    ]


def test_placeholder_at_the_start_of_unquoted_text_must_be_quoted() -> None:
    text = practice_text("- say: {word} is what you brought")
    line = text.count("\n")
    assert problems(text) == [
        f'p.yaml:{line}:10: error: text that starts with "{{" must be in quotes — '
        'write it as "{word} is what you brought"'
    ]


def test_a_lone_placeholder_left_unquoted_says_the_same() -> None:
    text = practice_text("- say: {word}", extra="uses: [word]\n")
    line = text.count("\n")
    assert problems(text) == [
        f'p.yaml:{line}:10: error: text that starts with "{{" must be in quotes — '
        'put the whole text in straight quotes " "'
    ]


def test_missing_colon_after_a_step_kind_is_on_its_own_line() -> None:
    text = practice_text(
        """
        - silence 2m30s
          prompt: Rest here.
        - bell: soft-bell
        """
    )
    line = text.splitlines().index("  - silence 2m30s") + 1
    assert problems(text) == [
        f'p.yaml:{line}:12: error: a ":" is missing after "silence" — write silence: 2m30s'
    ]


def test_missing_colon_on_a_step_read_as_text() -> None:
    text = practice_text("- bell: soft-bell\n- silence 2m30s\n- bell: wood")
    line = text.splitlines().index("  - silence 2m30s") + 1
    assert problems(text) == [
        f'p.yaml:{line}:12: error: a ":" is missing after "silence" — write silence: 2m30s'
    ]


def test_missing_colon_after_a_key() -> None:
    text = "kapcompanion: 1\nid: arriving\ntitle Arriving\ncategory: prepare\n"
    assert problems(text) == [
        'p.yaml:3:6: error: a ":" is missing after "title" — write title: Arriving'
    ]


def test_tab_in_indentation_is_named_at_the_tab() -> None:
    text = practice_text("- breathe:\n  \t  inhale: 4\n    exhale: 4\n    cycles: 2")
    line = text.splitlines().index("  - breathe:") + 2
    assert problems(text) == [
        f"p.yaml:{line}:5: error: use spaces to indent, not tabs — "
        "YAML reads only spaces as indentation; most editors can turn tabs into spaces"
    ]


def test_other_syntax_errors_keep_the_parsers_words() -> None:
    found = problems(practice_text("- say: a: b"))
    assert len(found) == 1 and "YAML syntax: mapping values are not allowed" in found[0]
