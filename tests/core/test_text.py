"""Text helpers: placeholders and reflowing wrapped YAML text."""


def test_reflow_joins_wrapped_lines_and_keeps_paragraphs_and_lists():
    from kapcompanion.core.text import reflow

    text = "If it is hard, look around the\nroom.\n\nYou can:\n- stop\n- rest\n"
    assert reflow(text) == ("If it is hard, look around the room.\n\nYou can:\n- stop\n- rest")
    assert reflow("") == ""


def test_missing_values_can_show_as_a_mark_for_an_overview() -> None:
    from kapcompanion.core.text import fill

    text = "Your answers were {a}, {b} and {c}."
    assert fill(text, {"a": 3}, missing="…") == "Your answers were 3, … and …."
    assert fill("Keep {{braces}} and {x}", {}, missing="…") == "Keep {braces} and …"
    assert fill(text, {"a": 1, "b": 2, "c": 3}, missing="…") == "Your answers were 1, 2 and 3."
