"""The main window's More menu, Therapist mode and keyboard (a part of :class:`MainWindow`).

:class:`MenuAndKeys` is mixed into the main window: the More menu's actions (therapist
tools among them, shown only in Therapist mode), More ▸ Keyboard shortcuts, and Tab in
reading order on every page (:mod:`kapcompanion.ui.focus_order`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QPushButton, QToolButton

from kapcompanion.settings import Settings
from kapcompanion.ui.focus_order import next_in_order, reading_order
from kapcompanion.ui.keys import KeysDialog, general_keys, key_text, player_keys

log = logging.getLogger(__name__)


class MenuAndKeys(QMainWindow):
    """The More menu, Therapist mode and the keyboard of the main window."""

    settings: Settings
    more_menu: QMenu
    more_button: QToolButton
    nav_buttons: dict[str, QPushButton]
    #: Each page's shortcut ("Ctrl+1"), by page key.
    page_keys: dict[str, str]
    #: The More menu's tools for therapists, shown only in Therapist mode.
    therapist_actions: list[QAction]
    _therapist_hooks: list[Callable[[bool], object]]
    _menu_end: QAction

    def current_view(self) -> str:
        """Which view shows (see :meth:`MainWindow.current_view`)."""
        raise NotImplementedError

    def _setup_menu_and_keys(self) -> None:
        """The More menu's last entry, Keyboard shortcuts (actions are added above it)."""
        self.page_keys = {}
        self.therapist_actions = []
        self._therapist_hooks = []
        self._menu_end = self.more_menu.addSeparator()
        self.keys_action = QAction(
            QCoreApplication.translate("MenuAndKeys", "Keyboard shortcuts"), self
        )
        self.keys_action.triggered.connect(lambda _checked=False: self.show_keys())
        self.more_menu.addAction(self.keys_action)
        self.more_button.show()

    def add_menu_action(
        self,
        text: str,
        slot: Callable[[], object],
        *,
        shortcut: str | None = None,
        therapist: bool = False,
    ) -> QAction:
        """Add an action to the header's More menu (above "Keyboard shortcuts").

        A ``therapist`` action (writing or sharing practices) shows, and its shortcut
        works, only in Therapist mode (Settings → Practice; off by default).
        """
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            self.addAction(action)
        action.triggered.connect(lambda _checked=False: slot())
        self.more_menu.insertAction(self._menu_end, action)
        if therapist:
            self.therapist_actions.append(action)
            action.setVisible(self.settings.therapist_mode)
        self.more_button.show()
        return action

    def on_therapist_mode(self, apply: Callable[[bool], object]) -> None:
        """Call ``apply(on)`` now and whenever Therapist mode is turned on or off.

        For therapist tools that are not menu actions (the detail pane's "Duplicate and
        edit").
        """
        self._therapist_hooks.append(apply)
        apply(self.settings.therapist_mode)

    def _show_therapist_tools(self, on: bool) -> None:
        for action in self.therapist_actions:
            action.setVisible(on)
        for apply in self._therapist_hooks:
            apply(on)

    def keyboard_groups(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """The shortcuts, grouped as More ▸ Keyboard shortcuts shows them."""
        pages = [
            (key_text(self.page_keys[k]), self.nav_buttons[k].text())
            for k in sorted(self.page_keys, key=lambda k: self.page_keys[k])
        ]
        menu = [
            (key_text(a.shortcut()), a.text().replace("&&", "&"))
            for a in self.more_menu.actions()
            if a.isVisible() and not a.shortcut().isEmpty()
        ]
        return [
            (QCoreApplication.translate("MenuAndKeys", "Pages"), pages),
            (QCoreApplication.translate("MenuAndKeys", "Everywhere"), general_keys() + menu),
            (QCoreApplication.translate("MenuAndKeys", "During a practice"), player_keys()),
        ]

    def show_keys(self) -> KeysDialog:
        """More ▸ Keyboard shortcuts: every key, in one list (not modal)."""
        dialog = KeysDialog(self.keyboard_groups(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802
        """Tab and Shift+Tab on a page go through its controls in reading order.

        Header first (the page tabs, then the buttons on the right), then the page, top
        to bottom: every control shown is reached, whatever order it was made in.
        """
        central = self.centralWidget()
        if central is not None and self.current_view() != "player":
            target = next_in_order(reading_order([central]), QApplication.focusWidget(), next)
            if target is not None:
                target.setFocus(
                    Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
                )
                return True
        return super().focusNextPrevChild(next)
