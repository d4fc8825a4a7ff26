"""The pseudo-locale: every interface string 40% longer and in ⟦markers⟧.

The main screens are opened offscreen with the pseudo translation; every visible text that
is one of the interface's source strings must have been translated (so nothing bypasses
``tr``), and no button, box or one-line label may be too small for its text.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QWidget,
)

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import i18n as i18n_tool  # noqa: E402  (tools/ is not a package)
from kapcompanion.settings import Settings  # noqa: E402
from kapcompanion.ui.i18n import install_translations  # noqa: E402


@pytest.fixture(scope="module")
def pseudo_qm(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    work = tmp_path_factory.mktemp("pseudo")
    template = work / "template.ts"
    import subprocess

    subprocess.run(
        [i18n_tool.qt_tool("lupdate"), "-no-obsolete", "-locations", "none",
         *i18n_tool.sources(), "-ts", str(template)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    sources = {m.findtext("source") or "" for m in ET.parse(template).iter("message")}
    ts = i18n_tool.pseudo(template, work / "pseudo.ts")
    (qm,) = i18n_tool.release(work, [ts])
    return qm, {s for s in sources if s.strip()}


def visible_texts(root: QWidget) -> list[tuple[QWidget, str]]:
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QAbstractButton | QLabel) and w.text().strip():
            out.append((w, w.text()))
    return out


def problems(root: QWidget, sources: set[str]) -> list[str]:
    found = []
    for w, text in visible_texts(root):
        plain = text.replace("&", "")
        if plain in sources or text in sources:
            found.append(f"untranslated: {text!r} ({type(w).__name__})")
            continue
        if isinstance(w, QLabel) and (w.wordWrap() or w.textFormat() != w.textFormat().PlainText):
            if w.wordWrap() and w.heightForWidth(w.width()) > w.height() + 2:
                found.append(f"clipped (height): {text[:40]!r}")
            continue
        hint = w.sizeHint().width()
        if hint > w.width() + 2:
            found.append(f"clipped: {text[:40]!r} needs {hint}px, has {w.width()}px")
    return found


def test_main_screens_are_translated_and_nothing_is_clipped(pseudo_qm, make_window, clock) -> None:
    qm, sources = pseudo_qm
    app = QApplication.instance()
    assert app is not None
    install_translations(app, qm=qm)
    try:
        from kapcompanion.ui.extensions import install_all

        win = make_window(replace(Settings(), get_ready_seconds=0, rules_dismissed=("box-4",)))
        win.resize(1280, 820)
        install_all(win)
        seen: dict[str, list[str]] = {}
        for page in list(win.pages):
            win.show_page(page)
            QApplication.processEvents()
            seen[page] = problems(win, sources)
        win.start_practice("box-4")
        clock.advance(1.5)
        win.player.tick()
        QApplication.processEvents()
        seen["player"] = problems(win, sources)
        panel = win.show_help()
        QApplication.processEvents()
        seen["help"] = problems(panel, sources)
        panel.close()
        win.player.leave()
        bad = {k: v for k, v in seen.items() if v}
        assert bad == {}, "\n".join(f"{k}: {x}" for k, v in bad.items() for x in v[:15])
    finally:
        install_translations(app, "en")


def test_spanish_is_offered_and_english_is_the_fallback(qtbot) -> None:
    from PySide6.QtCore import QLocale

    from kapcompanion.ui.i18n import resolve

    assert resolve("es") == "es"
    assert resolve("system", QLocale("es_MX")) == "es"
    assert resolve("system", QLocale("de_DE")) == "en"
    app = QApplication.instance()
    assert install_translations(app, "es") == "es"
    assert QLocale().name().startswith("es")  # dates and numbers follow the language
    install_translations(app, "en")
    assert QLocale().name().startswith("en")
