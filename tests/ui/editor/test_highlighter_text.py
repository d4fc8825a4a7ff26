"""Issue 20: the highlighter reads apostrophes as letters and does not bless a bare {word}."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from kapcompanion.ui.editor.yaml_highlighter import YamlHighlighter


def formats(qapp: object, line: str) -> dict[int, str]:
    doc = QTextDocument()
    hl = YamlHighlighter(doc)
    doc.setPlainText(line)
    hl.rehighlight()
    block = doc.firstBlock()
    out: dict[int, str] = {}
    for r in block.layout().formats():
        name = {
            hl.string.foreground().color().name(): "string",
            hl.placeholder.foreground().color().name(): "placeholder",
            hl.comment.foreground().color().name(): "comment",
        }.get(r.format.foreground().color().name(), "other")
        for i in range(r.start, r.start + r.length):
            out[i] = name
    return out


def test_apostrophe_in_a_word_is_not_a_quote(qapp) -> None:
    line = "  - say: I'm here, and it's fine  # a note"
    f = formats(qapp, line)
    assert all(f.get(i) != "string" for i in range(len(line)))
    assert f[line.index("#")] == "comment"


def test_quoted_values_are_still_strings(qapp) -> None:
    line = "  - say: 'I''m here'"
    f = formats(qapp, line)
    assert f[line.index("'")] == "string" and f[len(line) - 1] == "string"


def test_bare_placeholder_at_the_start_is_not_coloured_but_later_ones_are(qapp) -> None:
    bare = "  - say: {word} is what you brought"
    assert formats(qapp, bare).get(bare.index("{")) != "placeholder"
    quoted = '  - say: "{word} is what you brought"'
    assert formats(qapp, quoted)[quoted.index("{")] == "placeholder"
    inner = "  - say: You brought {word}"
    assert formats(qapp, inner)[inner.index("{")] == "placeholder"
