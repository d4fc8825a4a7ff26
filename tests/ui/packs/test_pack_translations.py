"""The pack dialogs under the pseudo-locale: every string translated, nothing clipped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from kapcompanion.ui.i18n import install_translations
from kapcompanion.ui.packs import open_pack, open_share
from tests.ui.packs.test_import import therapist_pack
from tests.ui.test_pseudo_locale import problems, pseudo_qm  # noqa: F401  (the fixture)


def test_pack_dialogs_are_translated_and_nothing_is_clipped(
    pseudo_qm,  # noqa: F811
    dirs,
    app_window,
    qtbot,
    tmp_path: Path,
) -> None:
    qm, sources = pseudo_qm
    app = QApplication.instance()
    assert app is not None
    out = tmp_path / "calm.kappack"
    therapist_pack(dirs, out)
    install_translations(app, qm=qm)
    try:
        seen: dict[str, list[str]] = {}
        dirs("therapist")
        win = app_window()
        share = open_share(win, choose_path=lambda _p, _s: tmp_path / "again.kappack")
        qtbot.addWidget(share)
        share.resize(760, 820)
        QApplication.processEvents()
        assert share.save.text().startswith("⟦")  # the pseudo translation is in effect
        seen["share form"] = problems(share, sources)
        share.set_checked(["sam-welcome"])
        share.name.setText("Calm")
        share.save_pack()
        QApplication.processEvents()
        seen["share done"] = problems(share, sources)

        dirs("client")
        win = app_window()
        dialog = open_pack(win, out)
        qtbot.addWidget(dialog)
        dialog.resize(700, 800)
        QApplication.processEvents()
        assert dialog.accept_button.text().startswith("⟦")
        seen["import"] = problems(dialog, sources)
        dialog.accept_pack()
        QApplication.processEvents()
        seen["imported"] = problems(dialog, sources)
        bad = {k: v for k, v in seen.items() if v}
        assert bad == {}, "\n".join(f"{k}: {x}" for k, v in bad.items() for x in v[:15])
    finally:
        install_translations(app, "en")
