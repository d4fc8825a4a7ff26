"""The main window: a header with "Get help now", the library, and the player."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.core.library import Library
from kapcompanion.core.model import Practice, Program
from kapcompanion.settings import Settings, SettingsStore
from kapcompanion.ui.catalogue import Entry, build_entries
from kapcompanion.ui.close_guard import CloseGuard
from kapcompanion.ui.detail import DetailPane
from kapcompanion.ui.draft_notice import DraftNotice
from kapcompanion.ui.header import Header
from kapcompanion.ui.keys import with_key
from kapcompanion.ui.lazy_page import realise, settings_lazily
from kapcompanion.ui.library_source import load_library
from kapcompanion.ui.library_view import LibraryView
from kapcompanion.ui.notices import Notices
from kapcompanion.ui.player_slot import Hook, PlayerSlot
from kapcompanion.ui.tags import tag_label
from kapcompanion.ui.theme import apply_theme
from kapcompanion.ui.widgets import ProportionalSplit
from kapcompanion.ui.window_settings import HelpAndSettings

if TYPE_CHECKING:
    from kapcompanion.audio.base import Player
    from kapcompanion.core.session import Clock
    from kapcompanion.journal.store import JournalStore
    from kapcompanion.ui.help_panel import HelpPanel
    from kapcompanion.ui.player.view import PlayerView, Recall

log = logging.getLogger(__name__)


class Hub(QObject):
    """Signals shared across the app, passed in through constructors (no globals)."""

    settings_changed = Signal(object)  # Settings
    answer_given = Signal(str, int, object, object)  # practice id, step, save_as, answer
    session_finished = Signal(object)  # SessionResult
    journal_changed = Signal(object)  # the open JournalStore, or None when closed/unavailable
    library_changed = Signal()  # the window read its library again (see reload_library)
    open_requested = Signal(list)  # a later launch's arguments (e.g. a .kappack to open)


class MainWindow(HelpAndSettings):
    """The app's one window. Every dependency can be injected for tests.

    The window owns the library: ``collection`` (every practice and program, in every
    language) and what it shows of it in ``language`` (``practices``, ``programs``). The
    other parts read them here; :meth:`reload_library` reads it again from disk and
    announces that with ``hub.library_changed``. Given ``practices`` (and their
    ``origins``), the window shows those instead of the library's (tests).
    """

    def __init__(
        self,
        practices: Mapping[str, Practice] | None = None,
        *,
        origins: Mapping[str, str] | None = None,
        library: Library | None = None,
        language: str = "en",
        store: SettingsStore | None = None,
        settings: Settings | None = None,
        player_factory: Callable[[], Player] | None = None,
        clock: Clock = time.monotonic,
        hub: Hub | None = None,
        edit_settings: Callable[..., tuple[Settings, bool]] | None = None,
        recall: Recall | None = None,
    ) -> None:
        super().__init__()
        self.store = store or SettingsStore()
        self.settings = settings if settings is not None else self.store.load()
        self.hub = hub or Hub(self)
        self._edit_settings = edit_settings or settings_lazily
        #: The interface language; the library shows practices in it where translated.
        self.language = language
        #: Every practice and program, in every language, with where each came from.
        self.collection = library if library is not None else Library()
        if practices is None:
            practices = self.collection.for_language(language)
            origins = self.collection.origins_for_language(language)
        self.practices = dict(practices)
        self.entries: dict[str, Entry] = {
            e.id: e for e in build_entries(self.practices.values(), origins, label=tag_label)
        }
        self.setWindowTitle(self.tr("KAP Companion"))
        self.setAccessibleName(self.tr("KAP Companion"))
        self.help_panel: HelpPanel | None = None
        self._apply_look()

        self.header = Header(self)
        self.help_button = self.header.help_button
        self.settings_button = self.header.settings_button
        self.library_button = self.header.library_button
        self.more_menu = self.header.more_menu
        self.more_button = self.header.more_button
        self.nav = self.header.nav
        self._setup_menu_and_keys()
        self.nav_buttons: dict[str, QPushButton] = {}
        self.pages: dict[str, QWidget] = {}
        self.home = "library"
        self._before_player = "library"

        self.library = LibraryView(list(self.entries.values()))
        self.detail = DetailPane()
        split = ProportionalSplit(self.library, self.detail, (2, 3))
        self.library_page = QWidget()
        ll = QVBoxLayout(self.library_page)
        ll.setContentsMargins(24, 8, 24, 24)
        ll.addWidget(split)
        self.stack = QStackedWidget()

        def make_player() -> PlayerView:
            from kapcompanion.ui.audio_link import default_player
            from kapcompanion.ui.player.view import PlayerView

            # the sound stack loads only when no player is given (tests give one)
            player = PlayerView(self.settings, player_factory or default_player, clock)
            player.recall = recall
            return player

        #: The player, built on first use or right after the first paint (``player``).
        self.player_slot = PlayerSlot(self, make_player)
        self.player_slot.when_built(self._wire_player)
        #: The open journal (set by the journey's journal link), or None.
        self.journal: JournalStore | None = None
        # The four pages are Ctrl+1…4 (Today, Library, Journal, History); Ctrl+L stays.
        self.add_page("library", self.tr("Library"), self.library_page, shortcut="Ctrl+2")
        central = QWidget()
        central.setObjectName("page")
        cl = QVBoxLayout(central)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.setSpacing(0)
        cl.addLayout(self.header)
        self.notices = Notices()
        cl.addLayout(self.notices)
        cl.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.help_button.clicked.connect(self.show_help)
        self.settings_button.clicked.connect(self.open_settings)
        self.library_button.clicked.connect(self._to_library)
        self.library.selected.connect(self._selected)
        self.library.activated.connect(self.start_practice)
        self.detail.start_requested.connect(self.start_practice)
        for keys, slot in (
            ("F1", self.show_help),
            ("F11", self.toggle_full_screen),
            ("Ctrl+,", self.open_settings),
            ("Ctrl+F", self.focus_search),
            ("Ctrl+L", lambda: self._nav_to("library")),
        ):
            sc = QShortcut(QKeySequence(keys), self)
            sc.setContext(Qt.ShortcutContext.ApplicationShortcut)
            sc.activated.connect(slot)
        self.help_button.setToolTip(with_key(self.help_button.text(), "F1"))
        self.settings_button.setToolTip(with_key(self.settings_button.text(), "Ctrl+,"))
        self.library_button.setToolTip(self.tr("Leave the practice (asks first)"))
        self.draft_notice = DraftNotice(self, self)  # "You were writing in …" at the next start
        # Asks before a practice under way ends with the window (kept ahead of other filters).
        self.close_guard = CloseGuard(self, self.player_slot)
        self._follow_desktop()
        self._restore()
        self.library.list.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the player ---------------------------------------------------------------

    @property
    def player(self) -> PlayerView:
        """The player (built now if it was not yet: see :class:`PlayerSlot`)."""
        return self.player_slot.get()

    @property
    def built_player(self) -> PlayerView | None:
        """The player if it is built, else None (asking does not build it)."""
        return self.player_slot.built

    def when_player(self, hook: Hook) -> None:
        """Run ``hook(player)`` once the player is built (at once if it is)."""
        self.player_slot.when_built(hook)

    def _wire_player(self, player: PlayerView) -> None:
        from kapcompanion.ui.player.answer_drafts import AnswerDrafts

        self.stack.addWidget(player)
        player.closed.connect(self._player_closed)
        player.settings_changed.connect(self._player_settings)
        player.answered.connect(self.hub.answer_given.emit)
        player.finished.connect(self.hub.session_finished.emit)
        player.questions.drafts = AnswerDrafts(lambda: self.journal, self)

    # -- look and memory ---------------------------------------------------------

    def _apply_look(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.settings.theme, self.settings.text_scale)

    def _follow_desktop(self) -> None:
        """Follow the desktop's colour scheme and motion preference as they change."""
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._desktop_changed)
        try:
            hints.accessibility().motionPreferenceChanged.connect(self._desktop_changed)
        except (AttributeError, RuntimeError):  # Qt before 6.10 has no motion hint
            log.debug("no motion preference hint in this Qt")

    def _desktop_changed(self, *_args: object) -> None:
        if self.settings.theme == "system":
            self._apply_look()
        if self.built_player is not None:
            self.built_player.apply_settings(self.settings)

    def _restore(self) -> None:
        geo = self.settings.window_geometry
        if geo:
            self.restoreGeometry(QByteArray.fromBase64(geo.encode("ascii")))
        else:
            self.resize(1180, 780)
        self.library.search.setText(self.settings.last_filter)
        last = self.settings.last_view
        if last.startswith("practice:") and self.library.select(last.split(":", 1)[1]):
            return
        if self.library.current_id():
            self._selected(self.library.current_id() or "")

    def remember(self) -> None:
        """Store window size and the last view."""
        pid = self.library.current_id() or ""
        self.settings = replace(
            self.settings,
            window_geometry=bytes(self.saveGeometry().toBase64().data()).decode("ascii"),
            last_view=f"practice:{pid}" if pid else "library",
            last_filter=self.library.search.text(),
        )
        self.store.save(self.settings)

    def installEventFilter(self, filter_obj: QObject) -> None:  # noqa: N802
        """Parts' filters go behind the close guard, so it acts first (journal still open)."""
        super().installEventFilter(filter_obj)
        guard = getattr(self, "close_guard", None)
        if guard is not None and filter_obj is not guard:
            super().installEventFilter(guard)  # moved to the front again

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Remember, release the sound device, close the help panel."""
        self.remember()
        if self.built_player is not None:
            self.built_player.shutdown()
        if self.help_panel is not None:
            self.help_panel.close()
        super().closeEvent(event)

    # -- views -------------------------------------------------------------------

    def current_view(self) -> str:
        """Which view shows: "player", or the key of a page ("library", "today", ...)."""
        shown = self.stack.currentWidget()
        if shown is not None and shown is self.built_player:
            return "player"
        for key, page in self.pages.items():
            if page is shown:
                return key
        return "library"

    # -- notices: calm, dismissable lines under the header ------------------------

    def notify(self, text: str, key: str = "") -> QFrame:
        """Show ``text`` under the header until dismissed (see :class:`Notices`)."""
        return self.notices.notify(text, key)

    def clear_notice(self, key: str) -> None:
        """Take the notice ``key`` away, if shown."""
        self.notices.clear(key)

    def notice(self, key: str) -> QFrame | None:
        """The notice shown under ``key``, or None."""
        return self.notices.get(key)

    def notice_texts(self) -> list[str]:
        """The notices shown now (for tests and screen readers)."""
        return self.notices.texts()

    def _save_settings(self, settings: Settings) -> None:
        if self.store.save(settings):
            self.clear_notice("settings")
            return
        self.notify(
            self.tr(
                "Your settings couldn't be saved in {folder}. They apply until you close "
                "the app. You might check that the folder exists and that you can write to it."
            ).format(folder=self.store.path.parent),
            "settings",
        )

    # -- extension points: pages in the header's navigation and the More menu ---

    def add_page(
        self,
        key: str,
        title: str,
        widget: QWidget,
        *,
        shortcut: str | None = None,
        home: bool = False,
        position: int | None = None,
    ) -> QPushButton:
        """Add a page with a navigation button in the header; ``home`` makes it the start page.

        The buttons are checkable and the shown page's button alone is checked, so the
        current place is visible without relying on colour alone.
        """
        self.pages[key] = widget
        first = self.stack.count() == 0
        self.stack.addWidget(widget)
        button = QPushButton(title)
        button.setCheckable(True)
        button.setAutoDefault(True)
        button.setProperty("role", "nav")
        button.setAccessibleName(title)
        if shortcut:
            self.page_keys[key] = shortcut
            button.setToolTip(with_key(title, shortcut))
            button.setAccessibleDescription(with_key(title, shortcut))
            sc = QShortcut(QKeySequence(shortcut), self)
            sc.setContext(Qt.ShortcutContext.ApplicationShortcut)
            sc.activated.connect(lambda k=key: self._nav_to(k))
        button.clicked.connect(lambda _checked=False, k=key: self._nav_to(k))
        if position is None:
            self.nav.addWidget(button)
        else:
            self.nav.insertWidget(position, button)
        self.nav_buttons[key] = button
        if home:
            self.home = key
        player = self.built_player
        idle = player is not None and self.stack.currentWidget() is player and not player.running
        if first or idle:
            self.show_page(self.home)
        else:
            button.setChecked(self.stack.currentWidget() is widget)
        return button

    def _nav_to(self, key: str) -> None:
        if self.current_view() == "player":
            self.nav_buttons[key].setChecked(False)
            return  # the player is left with its own controls (Esc, the Library button)
        self.show_page(key)

    def show_page(self, key: str) -> None:
        """Show page ``key`` (the library when unknown)."""
        if key == "library" or key not in self.pages:
            self.show_library()
            return
        self._show(key)
        self.pages[key].setFocus(Qt.FocusReason.OtherFocusReason)

    def _show(self, key: str) -> None:
        realise(self, key)  # a page added as a LazyPage is built when first shown
        self.stack.setCurrentWidget(self.pages[key])
        self.library_button.hide()
        for name, button in self.nav_buttons.items():
            button.show()
            button.setChecked(name == key)
        if self.isFullScreen():
            self.showNormal()

    def _player_closed(self) -> None:
        self.show_page(self._before_player)

    def set_practices(
        self, practices: Mapping[str, Practice], origins: Mapping[str, str] | None = None
    ) -> None:
        """Replace the library's practices (the selection is kept when it still exists)."""
        self.practices = dict(practices)
        self.entries = {
            e.id: e for e in build_entries(self.practices.values(), origins, label=tag_label)
        }
        self.library.set_entries(list(self.entries.values()))
        self._selected(self.library.current_id() or "")

    @property
    def programs(self) -> dict[str, Program]:
        """The library's programs, each in the window's language where translated."""
        return self.collection.programs_for_language(self.language)

    def reload_library(self) -> None:
        """Read the library again from disk and announce it (``hub.library_changed``).

        Called by whatever changed it: the editor saving a practice, a pack imported, a
        backup restored.
        """
        self.collection = load_library()
        self.set_practices(
            self.collection.for_language(self.language),
            self.collection.origins_for_language(self.language),
        )
        self.hub.library_changed.emit()

    def _selected(self, pid: str) -> None:
        self.detail.show_entry(self.entries.get(pid))

    def show_library(self) -> None:
        """Back to the library, focus where the person left it."""
        self._show("library")
        self.library.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _to_library(self) -> None:
        """The header's Library/Back button: asks "Stop here?" before ending a practice."""
        if self.built_player is None:
            return
        if self.player.running:
            self.player.request_stop(ask=True)
        else:
            self.player.leave()

    def focus_search(self) -> None:
        """Ctrl+F: to the search box."""
        if self.current_view() == "library":
            self.library.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.library.search.selectAll()

    def start_practice(self, pid: str) -> None:
        """Open practice ``pid`` in the player."""
        practice = self.practices.get(pid)
        if practice is not None:
            self.play(practice)

    def play(self, practice: Practice) -> None:
        """Play ``practice`` (also one from outside the library)."""
        shown = self.current_view()
        if shown != "player":
            self._before_player = shown
        self.stack.setCurrentWidget(self.player)
        for button in self.nav_buttons.values():
            button.hide()
        self.library_button.setText(
            self.tr("Library") if self._before_player == "library" else self.tr("Back")
        )
        self.library_button.show()
        self.player.start(practice)

    def toggle_full_screen(self) -> None:
        """F11."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
