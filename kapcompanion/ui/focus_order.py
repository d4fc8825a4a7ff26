"""Tab order in reading order: every control the person can see, as the layouts place them.

Qt's own focus chain follows the order widgets were created in. Pages that add buttons
later (Today's suggestions, the journal's list) or header buttons in an exclusive group
(the page tabs) then fall out of reach of Tab. :func:`reading_order` walks the layouts
instead — top to bottom, left to right as laid out — and :func:`next_in_order` picks the
control Tab (or Shift+Tab) moves to. The main window uses them for its pages.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLayout,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

log = logging.getLogger(__name__)

#: Widgets that are one stop for Tab however many children they hold.
_LEAVES = (QComboBox, QAbstractSpinBox, QAbstractItemView)


def takes_tab(widget: QWidget) -> bool:
    """Whether Tab may stop on ``widget`` now (shown, enabled, accepts Tab focus).

    A plain scroll area is a frame around a page, not a stop (Qt gives it Tab focus all
    the same); a widget built on one (the detail pane) is, so its text scrolls by keys.
    """
    return (
        type(widget) is not QScrollArea
        and widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and widget.focusProxy() is None
        and not widget.objectName().startswith("qt_")
    )


def _children_in_order(widget: QWidget) -> list[QWidget]:
    """The widgets directly inside ``widget``, in the order they are shown."""
    if isinstance(widget, QStackedWidget):
        current = widget.currentWidget()
        return [current] if current is not None else []
    if isinstance(widget, QTabWidget):
        current = widget.currentWidget()
        return [widget.tabBar()] + ([current] if current is not None else [])
    if isinstance(widget, QSplitter):
        return [w for i in range(widget.count()) if (w := widget.widget(i)) is not None]
    if isinstance(widget, QScrollArea):
        inner = widget.widget()
        return [inner] if inner is not None else []
    layout = widget.layout()
    if layout is not None:
        return _layout_widgets(layout)
    return []


def _layout_widgets(layout: QLayout) -> list[QWidget]:
    out: list[QWidget] = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            out.append(widget)
        elif inner is not None:
            out.extend(_layout_widgets(inner))
    return out


def reading_order(roots: Iterable[QWidget | QLayout]) -> list[QWidget]:
    """The controls under ``roots`` that Tab may stop on, in the order they are laid out.

    A control that is not in any layout (placed by hand) comes after those that are, in
    the order Qt created it, so nothing shown is ever left out.
    """
    out: list[QWidget] = []
    seen: set[int] = set()

    def visit(w: QWidget) -> None:
        if id(w) in seen or not w.isVisible():
            return
        seen.add(id(w))
        if takes_tab(w):
            out.append(w)
        if isinstance(w, _LEAVES) or (
            isinstance(w, QAbstractScrollArea) and not isinstance(w, QScrollArea)
        ):
            return
        for child in _children_in_order(w):
            visit(child)

    tops: list[QWidget] = []
    for root in roots:
        if isinstance(root, QLayout):
            for w in _layout_widgets(root):
                visit(w)
        else:
            visit(root)
            tops.append(root)
    for top in tops:  # anything shown that no layout holds
        for w in top.findChildren(QWidget):
            if id(w) not in seen and takes_tab(w) and not _inside_leaf(w, top):
                seen.add(id(w))
                out.append(w)
    return out


def _inside_leaf(widget: QWidget, top: QWidget) -> bool:
    """Whether ``widget`` is a part of a one-stop control (a combo box's line edit...)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, _LEAVES):
            return True
        parent = parent.parentWidget()
    return False


def next_in_order(order: Sequence[QWidget], focus: QWidget | None, forward: bool) -> QWidget | None:
    """The control after (or before) ``focus`` in ``order``, going round; None if not in it.

    A focus inside a listed control (the line edit of a combo box) counts as that control.
    """
    if not order:
        return None
    at = focus
    while at is not None and at not in order:
        at = at.parentWidget()
    if at is None:
        return None
    i = order.index(at)
    return order[(i + (1 if forward else -1)) % len(order)]
