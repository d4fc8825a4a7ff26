"""Load the interface's translation for the person's language (or the system's).

Compiled translations (``kapcompanion_<lang>.qm``) live in ``kapcompanion/i18n``: the build
compiles them from ``i18n/*.ts`` with Qt's lrelease. English is the source language and
needs no file. Qt's own strings (standard buttons, dialogs) come from Qt's translations.
Dates, times and numbers follow the chosen locale through ``QLocale.setDefault``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kapcompanion.settings import Language

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []


def qm_dir() -> Path:
    """Where the compiled translations are."""
    return Path(str(resources.files("kapcompanion") / "i18n"))


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language to use: the person's choice, or the system's when it is offered."""
    offered = {lang.value for lang in Language.offered()}
    if choice in offered:
        return str(choice)
    name = (system or QLocale.system()).name().split("_")[0]
    return name if name in offered else Language.EN.value


def install_translations(
    app: QCoreApplication, choice: str = "system", *, qm: Path | None = None
) -> str:
    """Install the translators for ``choice`` ("system", "en", "es", ...); return the language.

    ``qm`` loads one given file instead (the pseudo-locale test uses it).
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    lang = "en_XA" if qm is not None else resolve(choice)
    QLocale.setDefault(QLocale(lang if lang != "en_XA" else "en"))
    if qm is None and lang == "en":
        return lang
    own = QTranslator(app)
    path = qm or qm_dir() / f"kapcompanion_{lang}.qm"
    if own.load(str(path)):
        app.installTranslator(own)
        _installed.append(own)
    else:
        log.warning("no translation file for %s at %s; showing English", lang, path)
    qt = QTranslator(app)
    if qm is None and qt.load(
        QLocale(lang), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt)
        _installed.append(qt)
    return lang


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - lupdate's name
    """Mark ``source`` for translation in ``context``; returns it as it is.

    Qt's lupdate finds strings by this name. PySide6's own returns ``object`` to the type
    checker; this one keeps label tables typed as ``str``.
    """
    return source


def known_label(context: str, labels: Mapping[str, str], key: str, fallback: str) -> str:
    """The translated label of ``key``, or ``fallback`` for a key the app does not know.

    ``labels`` maps known keys to source texts marked with QT_TRANSLATE_NOOP in ``context``;
    a key outside it (a therapist's own tag or check-in) gets ``fallback``.
    """
    label = labels.get(key)
    return QCoreApplication.translate(context, label) if label is not None else fallback
