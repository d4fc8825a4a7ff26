"""The library: practices grouped as Prepare / Anytime / Integrate, with search and filters."""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from kapcompanion.ui.catalogue import Entry, Filter, all_tags, grouped, length_text
from kapcompanion.ui.tags import tag_label, tag_labels
from kapcompanion.ui.theme import current_palette
from kapcompanion.ui.widgets import CardDelegate

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2  # "header" | "practice"
META_ROLE = Qt.ItemDataRole.UserRole + 3
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 4

Index = QModelIndex | QPersistentModelIndex


#: Space between a card's edge and its text, and a card line's height in font heights.
CARD_PADDING = 8
CARD_LINE = 1.15


class PracticeDelegate(CardDelegate):
    """Draws a practice as a soft rounded card, and a category as a quiet heading."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        """Cards fit their three lines and padding at any text size; headings are one line."""
        fm = QFontMetrics(option.font)
        if index.data(KIND_ROLE) == "header":
            return QSize(200, int(fm.height() * 2.4))
        # 3 px around the card, 8 px inside it, the three lines as paint() places them
        # (the last ends 3.2 lines down) and a little air under it.
        return QSize(200, math.ceil(2 * 3 + 2 * CARD_PADDING + fm.height() * CARD_LINE * 3.3))

    def is_heading(self, index: Index) -> bool:
        """A category is a heading."""
        return index.data(KIND_ROLE) == "header"

    def heading_font(self, font: QFont) -> QFont:
        """The list font, a little larger and bolder."""
        heading = QFont(font)
        heading.setPointSizeF(heading.pointSizeF() * 1.15)
        heading.setWeight(QFont.Weight.DemiBold)
        return heading

    def paint_card(self, painter: QPainter, index: Index, rect: QRectF, font: QFont) -> None:
        """The title, the summary, and the length and tags."""
        pal = current_palette()
        font = QFont(font)
        fm = QFontMetrics(font)
        inner = rect.adjusted(14, CARD_PADDING, -14, -CARD_PADDING)
        line = fm.height() * CARD_LINE
        title_font = QFont(font)
        title_font.setWeight(QFont.Weight.DemiBold)
        title_font.setPointSizeF(font.pointSizeF() * 1.08)
        painter.setFont(title_font)
        painter.setPen(QColor(pal.text))
        title = str(index.data(Qt.ItemDataRole.DisplayRole))
        tfm = QFontMetrics(title_font)
        painter.drawText(
            inner.adjusted(0, 0, 0, -inner.height() + line * 1.1),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            tfm.elidedText(title, Qt.TextElideMode.ElideRight, int(inner.width())),
        )
        painter.setFont(font)
        summary = str(index.data(SUMMARY_ROLE) or "")
        painter.drawText(
            QRectF(inner.left(), inner.top() + line * 1.15, inner.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(summary, Qt.TextElideMode.ElideRight, int(inner.width())),
        )
        painter.setPen(QColor(pal.muted))
        painter.drawText(
            QRectF(inner.left(), inner.top() + line * 2.2, inner.width(), line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(
                str(index.data(META_ROLE) or ""), Qt.TextElideMode.ElideRight, int(inner.width())
            ),
        )


class LibraryView(QWidget):
    """Search, filters and the grouped list of practices."""

    selected = Signal(str)  # practice id
    activated = Signal(str)  # practice id: Enter or double click starts it

    def __init__(self, entries: list[Entry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries = entries
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search practices"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search practices"))
        self.search.setAccessibleDescription(
            self.tr("Type words from a title, summary or tag. Press Down to reach the list.")
        )
        self.length = QComboBox()
        self.length.setAccessibleName(self.tr("Filter by length"))
        for key, label in (
            ("any", self.tr("Any length")),
            ("short", self.tr("Under 3 minutes")),
            ("medium", self.tr("3 to 8 minutes")),
            ("long", self.tr("8 minutes or more")),
        ):
            self.length.addItem(label, key)
        self.tag = QComboBox()
        self.tag.setAccessibleName(self.tr("Filter by tag"))
        self.tag.addItem(self.tr("All tags"), "")
        for t in sorted(all_tags(entries), key=lambda t: tag_label(t).lower()):
            self.tag.addItem(tag_label(t), t)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Practices"))
        self.list.setAccessibleDescription(
            self.tr("Grouped as Prepare, Anytime and Integrate. Press Enter to begin one.")
        )
        self.list.setItemDelegate(PracticeDelegate(self.list))
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setSpacing(2)
        self.empty = QLabel(self.tr("Nothing matches yet. You might try fewer words."))
        self.empty.setProperty("role", "muted")
        self.empty.setWordWrap(True)
        self.empty.hide()

        filters = QHBoxLayout()
        filters.addWidget(self.length, 1)
        filters.addWidget(self.tag, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        lay.addWidget(self.search)
        lay.addLayout(filters)
        lay.addWidget(self.empty)
        lay.addWidget(self.list, 1)

        self.search.textChanged.connect(self.refresh)
        self.length.currentIndexChanged.connect(self.refresh)
        self.tag.currentIndexChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._focus_list)
        self.search.installEventFilter(self)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemActivated.connect(self._item_activated)
        self.refresh()

    def set_entries(self, entries: list[Entry]) -> None:
        """Show a new set of practices (after an import or an edit), keeping the filter."""
        self._entries = entries
        keep_tag = str(self.tag.currentData() or "")
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("All tags"), "")
        for t in sorted(all_tags(entries), key=lambda t: tag_label(t).lower()):
            self.tag.addItem(tag_label(t), t)
        self.tag.setCurrentIndex(max(0, self.tag.findData(keep_tag)))
        self.tag.blockSignals(False)
        self.refresh()

    # -- filtering ---------------------------------------------------------------

    def current_filter(self) -> Filter:
        """The filter the controls describe."""
        return Filter(
            self.search.text(), str(self.length.currentData()), str(self.tag.currentData() or "")
        )

    def visible_ids(self) -> list[str]:
        """Ids of the practices listed now, in order."""
        out = []
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(KIND_ROLE) == "practice":
                out.append(str(item.data(ID_ROLE)))
        return out

    def refresh(self) -> None:
        """Rebuild the list from the filter, keeping the current practice when it is shown."""
        keep = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        titles = {
            "prepare": self.tr("Prepare"),
            "anytime": self.tr("Anytime"),
            "integrate": self.tr("Integrate"),
        }
        shown = 0
        for category, entries in grouped(self._entries, self.current_filter()).items():
            if not entries:
                continue
            header = QListWidgetItem(titles.get(category, category.title()))
            header.setData(KIND_ROLE, "header")
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(header)
            for e in entries:
                self.list.addItem(self._item(e))
                shown += 1
        self.list.blockSignals(False)
        self.empty.setVisible(shown == 0)
        if keep and keep in self.visible_ids():
            self.select(keep)
        elif shown:
            self.select(self.visible_ids()[0])

    def _item(self, e: Entry) -> QListWidgetItem:
        p = e.practice
        item = QListWidgetItem(p.title)
        source = [self.tr("from {author}").format(author=e.author)] if e.author else []
        meta = " · ".join([length_text(e.length), *source, *tag_labels(p.tags)])
        item.setData(ID_ROLE, p.id)
        item.setData(KIND_ROLE, "practice")
        item.setData(SUMMARY_ROLE, p.summary)
        item.setData(META_ROLE, meta)
        item.setData(
            Qt.ItemDataRole.AccessibleTextRole, ", ".join([p.title, length_text(e.length), *source])
        )
        item.setData(
            Qt.ItemDataRole.AccessibleDescriptionRole,
            f"{p.summary} {self.tr('Tags')}: {', '.join(tag_labels(p.tags))}"
            if p.tags
            else p.summary,
        )
        item.setToolTip(p.summary)
        return item

    # -- selection ---------------------------------------------------------------

    def current_id(self) -> str | None:
        """The id of the highlighted practice, if any."""
        item = self.list.currentItem()
        if item is None or item.data(KIND_ROLE) != "practice":
            return None
        return str(item.data(ID_ROLE))

    def select(self, pid: str) -> bool:
        """Highlight practice ``pid``; False when it is not listed."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ID_ROLE) == pid:
                self.list.setCurrentItem(item)
                self.list.scrollToItem(item)
                return True
        return False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        """Down in the search box moves to the list."""
        if (
            obj is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self._focus_list()
            return True
        return super().eventFilter(obj, event)

    def _focus_list(self) -> None:
        self.list.setFocus(Qt.FocusReason.TabFocusReason)

    def _current_changed(self, item: QListWidgetItem | None, _prev: object) -> None:
        if item is not None and item.data(KIND_ROLE) == "practice":
            self.selected.emit(str(item.data(ID_ROLE)))

    def _item_activated(self, item: QListWidgetItem) -> None:
        if item.data(KIND_ROLE) == "practice":
            self.activated.emit(str(item.data(ID_ROLE)))
