"""Text helpers: placeholders and reflowing wrapped YAML text."""


def test_reflow_joins_wrapped_lines_and_keeps_paragraphs_and_lists():
    from kapcompanion.core.text import reflow

    text = "If it is hard, look around the\nroom.\n\nYou can:\n- stop\n- rest\n"
    assert reflow(text) == ("If it is hard, look around the room.\n\nYou can:\n- stop\n- rest")
    assert reflow("") == ""
