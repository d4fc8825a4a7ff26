"""Get help now and the settings, for the main window (a part of :class:`MainWindow`).

:class:`HelpAndSettings` is mixed into the main window: "Get help now" (a practice under
way pauses while it shows), the settings dialog, and applying new settings everywhere
they matter (the look, the player if it is built, the help panel, the parts via
``hub.settings_changed``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from kapcompanion.settings import Settings
from kapcompanion.ui.window_keys import MenuAndKeys

if TYPE_CHECKING:
    from kapcompanion.ui.help_panel import HelpPanel
    from kapcompanion.ui.player.view import PlayerView

log = logging.getLogger(__name__)


class HelpAndSettings(MenuAndKeys):
    """Get help now and the settings of the main window."""

    help_panel: HelpPanel | None
    hub: Any  # the window's Hub (its settings_changed signal)
    _edit_settings: Callable[..., tuple[Settings, bool]]

    @property
    def built_player(self) -> PlayerView | None:
        """The player if it is built (see :meth:`MainWindow.built_player`)."""
        raise NotImplementedError

    def _apply_look(self) -> None:
        raise NotImplementedError

    def _save_settings(self, settings: Settings) -> None:
        raise NotImplementedError

    def show_help(self) -> HelpPanel:
        """Open (or raise) the Get help now panel; a practice under way pauses."""
        player = self.built_player
        session = player.session if player is not None else None
        from kapcompanion.core.session import Status  # loaded with the player already

        playing = session is not None and session.status is Status.PLAYING
        if player is not None and session is not None and player.running and playing:
            session.pause()
            player.tick()
        if self.help_panel is None:
            from kapcompanion.ui.help_panel import HelpPanel  # loaded when first asked for

            self.help_panel = HelpPanel(self.settings, self)
            self.help_panel.edit_requested.connect(lambda: self.open_settings(help_lines=True))
            self.help_panel.country_chosen.connect(
                lambda code: self.set_settings(replace(self.settings, help_country=code))
            )
        self.help_panel.show_settings(self.settings)
        self.help_panel.show()
        self.help_panel.raise_()
        self.help_panel.activateWindow()
        self.help_panel.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.help_panel

    def open_settings(self, help_lines: bool = False) -> None:
        """Show the settings dialog and apply what was saved."""
        player = self.built_player
        session = player.session if player is not None else None
        running = player is not None and session is not None and player.running
        if running and session is not None:
            session.pause()
        new, ok = self._edit_settings(self, self.settings, help_lines=help_lines)
        if ok:
            self.set_settings(new)
        if running and player is not None:
            player.tick()

    def set_settings(self, settings: Settings) -> None:
        """Apply and store new settings."""
        look_changed = (settings.theme, settings.text_scale) != (
            self.settings.theme,
            self.settings.text_scale,
        )
        therapist_changed = settings.therapist_mode != self.settings.therapist_mode
        self.settings = settings
        self._save_settings(settings)
        if therapist_changed:
            self._show_therapist_tools(settings.therapist_mode)
        if look_changed:
            self._apply_look()
        if self.built_player is not None:
            self.built_player.apply_settings(settings)
        if self.help_panel is not None:
            self.help_panel.show_settings(settings)
        self.hub.settings_changed.emit(settings)

    def _player_settings(self, settings: Settings) -> None:
        self.settings = settings
        self._save_settings(settings)
        self.hub.settings_changed.emit(settings)
