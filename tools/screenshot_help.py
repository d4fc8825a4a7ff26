"""Get help now in Spanish for the screenshots (its own module: screenshots.py stays small)."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

from kapcompanion.settings import Settings
from kapcompanion.ui.i18n import install_translations

log = logging.getLogger(__name__)


def shoot_help_es(theme: str, out: Path, settings: Settings) -> Path:
    """Get help now in Spanish, with Mexico's lines (the interface translated)."""
    from kapcompanion.ui.help_panel import HelpPanel

    app = QApplication.instance()
    assert app is not None
    install_translations(app, "es")
    try:
        panel = HelpPanel(replace(settings, help_country="MX", clinic_number="555-0199"))
        panel.show()
        for _ in range(20):
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 30)
        path = out / f"help-es-{theme}.png"
        panel.grab().save(str(path))
        panel.close()
    finally:
        install_translations(app, "en")
    return path
