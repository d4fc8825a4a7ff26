"""The editor under the pseudo-locale: every visible string translated, nothing clipped."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kapcompanion.ui.editor import install
from kapcompanion.ui.i18n import install_translations
from tests.ui.editor.conftest import Answers
from tests.ui.test_pseudo_locale import problems, pseudo_qm  # noqa: F401  (a fixture)


def test_editor_screens_are_translated_and_nothing_is_clipped(
    pseudo_qm,  # noqa: F811
    make_window,
    qtbot,
    tmp_path,
) -> None:
    from tests.ui.editor.test_voice import _take

    qm, sources = pseudo_qm
    app = QApplication.instance()
    assert app is not None
    install_translations(app, qm=qm)
    try:
        win = make_window()
        launcher = install(win)
        menu = [a.text() for a in win.more_menu.actions()]
        seen = {"menu": [f"untranslated: {t!r}" for t in menu if t.replace("&", "") in sources]}
        ed = launcher.new_practice()
        qtbot.addWidget(ed)
        ed.ask = Answers()
        ed.resize(1280, 820)
        ed.replace_text(ed.text.replace("category: anytime", "category: later"))
        QApplication.processEvents()
        seen["editor with an error"] = problems(ed, sources)
        ed.replace_text(ed.text.replace("category: later", "category: anytime"))
        ed.steps.select(0)
        assert ed.voice_actions.import_voice(_take(tmp_path))
        ed.voice.set_microphone(False)
        assert ed.save()
        QApplication.processEvents()
        seen["voice and saved"] = problems(ed, sources)
        ed.replace_text(ed.text.replace("id: my-practice\n", ""))
        assert not ed.save()  # the banner asking for an id
        QApplication.processEvents()
        seen["banner"] = problems(ed, sources)
        bad = {k: v for k, v in seen.items() if v}
        assert bad == {}, "\n".join(f"{k}: {x}" for k, v in bad.items() for x in v[:15])
    finally:
        install_translations(app, "en")
