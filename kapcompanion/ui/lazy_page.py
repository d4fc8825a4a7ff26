"""Pages built when first shown, so the window opens with only Today and the library built.

A part adds ``LazyPage(build)`` with :meth:`MainWindow.add_page` in place of its page. The
first time the page is shown (or :func:`realise` is called for it, e.g. because a part
needs the real widget), ``build()`` runs and the real page takes the placeholder's place
in the window's stack and in ``window.pages``; from then on nothing differs from a page
added ready-built. Start-up time this saves is measured by
``benchmarks/bench_ui_startup.py``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

if TYPE_CHECKING:
    from kapcompanion.settings import Settings

log = logging.getLogger(__name__)


def settings_lazily(
    parent: QWidget | None, settings: Settings, *, help_lines: bool = False
) -> tuple[Settings, bool]:
    """The settings dialog, loaded when first opened (not at start-up)."""
    from kapcompanion.ui.settings_dialog import SettingsDialog

    return SettingsDialog.get_settings(parent, settings, help_lines=help_lines)


class PageHost(Protocol):
    """What a lazy page needs of the window: its pages and the stack that shows them."""

    pages: dict[str, QWidget]
    stack: QStackedWidget


class LazyPage(QWidget):
    """An empty stand-in for a page; ``build()`` makes the real page on first use."""

    #: The real page, once built (it has replaced this stand-in).
    built = Signal(QWidget)

    def __init__(self, build: Callable[[], QWidget]) -> None:
        super().__init__()
        self._build = build
        self.page: QWidget | None = None

    def realise(self, host: PageHost) -> QWidget:
        """Build the real page (once) and put it where this stand-in was."""
        if self.page is not None:
            return self.page
        page = self._build()
        self.page = page
        stack = host.stack
        index = stack.indexOf(self)
        if index >= 0:
            was_current = stack.currentWidget() is self
            stack.insertWidget(index, page)
            if was_current:
                stack.setCurrentWidget(page)
            stack.removeWidget(self)
        for key, shown in list(host.pages.items()):
            if shown is self:
                host.pages[key] = page
        self.deleteLater()
        log.debug("page built on first use: %s", type(page).__name__)
        self.built.emit(page)
        return page


def realise(host: PageHost, key: str) -> QWidget | None:
    """The real page ``key`` of ``host`` (built now if it was lazy); None when unknown."""
    page = host.pages.get(key)
    if isinstance(page, LazyPage):
        return page.realise(host)
    return page
