"""Soft light and dark palettes, one style sheet, and the text scale.

Colours are chosen for calm and for contrast: body text is at least 7:1 against its
background, secondary text and the accent at least 4.5:1 (checked in tests). Nothing is
conveyed by colour alone; the focus ring is a thick outline, not a tint.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLayout, QWidget

from kapcompanion.settings import Theme
from kapcompanion.ui.theme_icons import install_style

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Palette:
    """The colours of one theme."""

    name: str
    window: str
    card: str
    text: str
    muted: str
    accent: str
    accent_text: str
    border: str
    focus: str
    pacer: str
    pacer_glow: str
    help: str
    help_text: str


LIGHT = Palette(
    name="light",
    window="#F6F2EA",
    card="#FFFDF8",
    text="#26303A",
    muted="#55606B",
    accent="#33617F",
    accent_text="#FFFFFF",
    border="#DDD5C8",
    focus="#B8572E",
    pacer="#8FB3CC",
    pacer_glow="#D5E4EE",
    help="#F3E3D3",
    help_text="#5A2E14",
)

DARK = Palette(
    name="dark",
    window="#1C232B",
    card="#252E38",
    text="#ECE8E1",
    muted="#B4BCC4",
    accent="#9CC3DE",
    accent_text="#14202A",
    border="#3A4551",
    focus="#F0B27A",
    pacer="#416A8A",
    pacer_glow="#2F4558",
    help="#4A3426",
    help_text="#FBE6D4",
)


def system_prefers_dark() -> bool:
    """Whether the desktop asks for a dark colour scheme."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def system_prefers_reduced_motion() -> bool:
    """Whether the desktop asks for reduced motion (Qt 6.10+; False when unknown)."""
    if QGuiApplication.instance() is None:
        return False
    try:
        hints = QGuiApplication.styleHints()
        return hints.accessibility().motionPreference() == Qt.MotionPreference.ReducedMotion
    except (AttributeError, RuntimeError):
        return False


def palette_for(theme: str) -> Palette:
    """The palette for a theme setting (a :class:`Theme`)."""
    if theme == Theme.DARK or (theme == Theme.SYSTEM and system_prefers_dark()):
        return DARK
    return LIGHT


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours (1..21)."""

    def lum(c: str) -> float:
        col = QColor(c)
        chans = []
        for v in (col.redF(), col.greenF(), col.blueF()):
            chans.append(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
        return 0.2126 * chans[0] + 0.7152 * chans[1] + 0.0722 * chans[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def base_point_size() -> float:
    """The system font size in points (respects the desktop's choice)."""
    size = QFont().pointSizeF()
    return size if size > 0 else 10.0


def icon_url(name: str, p: Palette) -> str:
    """The path of one of the theme's small SVG images (``name-light.svg``), for a style sheet."""
    icon = Path(str(resources.files("kapcompanion.ui") / "icons" / f"{name}-{p.name}.svg"))
    return icon.as_posix()


def style_sheet(p: Palette, scale: float) -> str:
    """The application style sheet for palette ``p`` and text scale ``scale``."""
    base = base_point_size() * scale
    pt = {
        k: round(base * f, 1)
        for k, f in {
            "body": 1.1,
            "small": 0.95,
            "h1": 1.9,
            "h2": 1.35,
            "guidance": 2.1,
            "huge": 3.2,
        }.items()
    }
    check_url = icon_url("check", p)
    radio_url = icon_url("radio", p)
    up_url = icon_url("arrow-up", p)
    down_url = icon_url("arrow-down", p)
    return f"""
* {{ color: {p.text}; font-size: {pt["body"]}pt; }}
QMainWindow, QDialog, QWidget#page {{ background: {p.window}; }}
QWidget {{ background: transparent; }}
QMainWindow {{ background: {p.window}; }}
QDialog {{ background: {p.window}; }}
QStackedWidget, QScrollArea, QScrollArea > QWidget > QWidget {{ background: {p.window}; }}
QFrame#card {{ background: {p.card}; border: 1px solid {p.border}; border-radius: 16px; }}
QScrollArea[ring="true"] {{ border: 3px solid transparent; border-radius: 12px; }}
QLabel[role="h1"] {{ font-size: {pt["h1"]}pt; font-weight: 600; }}
QLabel[role="h2"] {{ font-size: {pt["h2"]}pt; font-weight: 600; }}
QLabel[role="muted"] {{ color: {p.muted}; font-size: {pt["small"]}pt; }}
QLabel[role="guidance"] {{ font-size: {pt["guidance"]}pt; }}
QLabel[role="guidance"][fit="small"] {{ font-size: {pt["h2"]}pt; }}
QLabel[role="huge"] {{ font-size: {pt["huge"]}pt; font-weight: 300; }}
QLabel[role="safety"] {{ background: {p.help}; color: {p.help_text}; border-radius: 10px;
    padding: 10px 14px; }}
QPushButton {{ background: {p.card}; border: 1px solid {p.border}; border-radius: 12px;
    padding: 10px 20px; min-height: 28px; }}
QPushButton:hover {{ border-color: {p.accent}; }}
QPushButton[primary="true"] {{ background: {p.accent}; color: {p.accent_text};
    border-color: {p.accent}; font-weight: 600; }}
QPushButton[role="nav"] {{ border-color: transparent; background: transparent;
    padding: 8px 14px; }}
QPushButton[role="nav"]:checked {{ border-bottom: 3px solid {p.accent}; border-radius: 0px; }}
QToolButton {{ background: {p.card}; border: 1px solid {p.border}; border-radius: 12px;
    padding: 10px 20px; min-height: 28px; }}
QToolButton::menu-indicator {{ image: none; width: 0px; }}
QFrame#notice {{ background: {p.card}; border: 1px solid {p.accent}; border-radius: 12px; }}
QPushButton#help {{ background: {p.help}; color: {p.help_text}; border-color: {p.help};
    font-weight: 600; }}
QLabel:focus {{ border: 3px solid {p.focus}; border-radius: 6px; }}
QPushButton:disabled {{ color: {p.muted}; background: {p.window}; border: 1px dashed {p.border}; }}
QPushButton:focus, QToolButton:focus {{ border: 3px solid {p.focus}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDoubleSpinBox, QTimeEdit, QDateEdit {{
    background: {p.card}; border: 1px solid {p.border}; border-radius: 10px; padding: 8px; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus,
QDoubleSpinBox:focus, QTimeEdit:focus, QDateEdit:focus {{ border: 3px solid {p.focus}; }}
QComboBox QAbstractItemView {{ background: {p.card}; selection-background-color: {p.accent};
    selection-color: {p.accent_text}; }}
QCheckBox, QRadioButton {{ padding: 6px; border: 3px solid transparent; border-radius: 8px; }}
QCheckBox:focus, QRadioButton:focus {{ border: 3px solid {p.focus}; }}
QCheckBox::indicator {{ width: 20px; height: 20px; border: 2px solid {p.muted};
    border-radius: 6px; background: {p.card}; }}
QCheckBox::indicator:checked {{ background: {p.accent}; border-color: {p.accent};
    image: url("{check_url}"); }}
QRadioButton::indicator {{ width: 20px; height: 20px; border: 2px solid {p.muted};
    border-radius: 12px; background: {p.card}; }}
QRadioButton::indicator:checked {{ border-color: {p.accent}; image: url("{radio_url}"); }}
QCheckBox::indicator:hover, QRadioButton::indicator:hover {{ border-color: {p.accent}; }}
QSpinBox, QDoubleSpinBox, QTimeEdit, QDateEdit {{ padding: 6px 4px 6px 10px; min-height: 24px; }}
QSpinBox::up-button, QDoubleSpinBox::up-button, QTimeEdit::up-button, QDateEdit::up-button {{
    subcontrol-origin: padding; subcontrol-position: top right; width: 28px;
    border-left: 1px solid {p.border}; border-top-right-radius: 8px; background: transparent; }}
QSpinBox::down-button, QDoubleSpinBox::down-button, QTimeEdit::down-button,
QDateEdit::down-button {{ subcontrol-origin: padding; subcontrol-position: bottom right;
    width: 28px; border-left: 1px solid {p.border}; border-bottom-right-radius: 8px;
    background: transparent; }}
QSpinBox::up-button:hover, QDoubleSpinBox::up-button:hover, QTimeEdit::up-button:hover,
QDateEdit::up-button:hover, QSpinBox::down-button:hover, QDoubleSpinBox::down-button:hover,
QTimeEdit::down-button:hover, QDateEdit::down-button:hover {{ background: {p.pacer_glow}; }}
QSpinBox::up-arrow, QDoubleSpinBox::up-arrow, QTimeEdit::up-arrow, QDateEdit::up-arrow {{
    image: url("{up_url}"); width: 12px; height: 12px; }}
QSpinBox::down-arrow, QDoubleSpinBox::down-arrow, QTimeEdit::down-arrow,
QDateEdit::down-arrow {{ image: url("{down_url}"); width: 12px; height: 12px; }}
QSpinBox::up-arrow:disabled, QSpinBox::up-arrow:off, QDoubleSpinBox::up-arrow:disabled,
QDoubleSpinBox::up-arrow:off, QSpinBox::down-arrow:disabled, QSpinBox::down-arrow:off,
QDoubleSpinBox::down-arrow:disabled, QDoubleSpinBox::down-arrow:off {{ image: none; }}
QComboBox {{ padding-right: 32px; }}
QAbstractSpinBox QLineEdit, QComboBox QLineEdit, QAbstractSpinBox QLineEdit:focus,
QComboBox QLineEdit:focus {{ border: none; padding: 0px 0px 0px 6px; margin: 0px;
    background: transparent; }}
QComboBox::down-arrow {{ image: url("{down_url}"); width: 12px; height: 12px; }}
QSlider {{ min-height: 36px; border: 3px solid transparent; border-radius: 8px; }}
QSlider:focus {{ border: 3px solid {p.focus}; }}
QSlider::groove:horizontal {{ height: 8px; background: {p.border}; border-radius: 4px; }}
QSlider::sub-page:horizontal {{ background: {p.pacer}; border-radius: 4px; }}
QSlider::handle:horizontal {{ background: {p.accent}; width: 24px; height: 24px;
    margin: -9px 0; border-radius: 12px; }}
QListView, QTreeView, QListWidget {{ background: {p.card}; border: 1px solid {p.border};
    border-radius: 14px; padding: 6px; }}
QListView:focus, QTreeView:focus, QListWidget:focus {{ border: 3px solid {p.focus}; }}
QListWidget::item {{ padding: 6px; border-radius: 8px; }}
QListWidget::item:selected {{ background: {p.pacer_glow}; color: {p.text}; }}
QProgressBar {{ background: {p.border}; border: none; border-radius: 3px; max-height: 6px; }}
QProgressBar::chunk {{ background: {p.accent}; border-radius: 3px; }}
QTabWidget::pane {{ border: 1px solid {p.border}; border-radius: 12px; background: {p.card};
    padding: 12px; top: -1px; }}
QTabBar::tab {{ padding: 10px 18px; margin-right: 4px; border: 1px solid transparent;
    border-bottom: 3px solid transparent; color: {p.muted}; }}
QTabBar::tab:selected {{ color: {p.text}; font-weight: 600; border-bottom: 3px solid {p.accent}; }}
QTabBar::tab:focus {{ border: 3px solid {p.focus}; border-radius: 8px; }}
QHeaderView::section {{ background: {p.window}; color: {p.text}; border: none;
    border-bottom: 1px solid {p.border}; padding: 6px; font-weight: 600; }}
QTableView {{ background: {p.card}; border: 1px solid {p.border}; border-radius: 10px;
    gridline-color: {p.border}; }}
QTableView:focus {{ border: 3px solid {p.focus}; }}
QComboBox::drop-down {{ border: none; width: 28px; }}
QTextBrowser {{ background: {p.card}; border: none; }}
QToolTip {{ background: {p.card}; color: {p.text}; border: 1px solid {p.border}; }}
/* Qt's own notification balloon (a tray message where no notification service runs) and
   menus (the tray icon's, More): without these the transparent QWidget rule leaves them
   black behind dark text on a real X screen. */
QBalloonTip {{ background: {p.card}; }}
QBalloonTip QPushButton {{ background: transparent; border: none; padding: 0px; min-height: 0px; }}
QMenu {{ background: {p.card}; border: 1px solid {p.border}; padding: 4px; }}
QMenu::item {{ padding: 8px 24px; border-radius: 6px; }}
QMenu::item:selected {{ background: {p.accent}; color: {p.accent_text}; }}
/* Small tool buttons that live inside other widgets keep their own small size: the search
   field's clear button, a tab bar's scroll arrows, the file dialog's toolbar. */
QLineEdit QToolButton {{ background: transparent; border: none; padding: 0px; margin: 0px;
    min-height: 0px; min-width: 0px; }}
QTabBar QToolButton, QFileDialog QToolButton {{ padding: 4px; min-height: 0px; min-width: 0px;
    border-radius: 8px; }}
QFileDialog QToolButton {{ padding: 6px; }}
/* Save and Cancel in the app's own look: words, no stock floppy or red-cross icons; the
   default button (Save, OK) is the primary one. */
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
QDialogButtonBox QPushButton {{ min-width: 90px; }}
QDialogButtonBox QPushButton:default {{ background: {p.accent}; color: {p.accent_text};
    border-color: {p.accent}; font-weight: 600; }}
QDialogButtonBox QPushButton:default:disabled {{ background: {p.window}; color: {p.muted};
    border: 1px dashed {p.border}; }}
QDialogButtonBox QPushButton:default:focus {{ border: 3px solid {p.focus}; }}
QScrollBar:vertical {{ background: transparent; width: 12px; }}
QScrollBar::handle:vertical {{ background: {p.border}; border-radius: 6px; min-height: 30px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
{focus_rules(p)}"""


def focus_rules(p: Palette) -> str:
    """The focus ring: one thick outline in ``p.focus`` on every control that takes focus.

    Kept in this one block, last in the style sheet, so it wins over every rule above it:
    the more specific ones too (the "Get help now" button's id, primary buttons, the page
    tabs), whose own border colours used to hide the ring.
    """
    ring = f"border: 3px solid {p.focus};"
    return f"""
/* ---- focus ring (keyboard focus, light and dark): keep this block last ---- */
QPushButton:focus, QPushButton[primary="true"]:focus, QPushButton#help:focus,
QToolButton:focus {{ {ring} }}
QPushButton[role="nav"]:focus {{ {ring} border-radius: 8px; }}
QPushButton[role="nav"]:checked:focus {{ {ring} border-radius: 8px; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus,
QDoubleSpinBox:focus, QTimeEdit:focus, QDateEdit:focus, QDateTimeEdit:focus {{ {ring} }}
QCheckBox:focus, QRadioButton:focus, QSlider:focus {{ {ring} }}
QListView:focus, QTreeView:focus, QListWidget:focus, QTableView:focus {{ {ring} }}
QScrollArea[ring="true"]:focus, QTextBrowser:focus {{ {ring} border-radius: 12px; }}
QTabBar::tab:focus {{ {ring} border-radius: 8px; }}
QLabel:focus {{ {ring} border-radius: 6px; }}
/* ---- end of the focus ring ---- */
"""


#: The application the palette was last applied to, and that palette.
_applied: tuple[QApplication | None, Palette] = (None, LIGHT)
W = TypeVar("W", bound=QWidget)
#: While a window is built (see :func:`one_polish`): the style sheet waiting to be set.
_held: list[tuple[QApplication, str]] | None = None


def one_polish(build: Callable[[], W]) -> W:
    """``build()`` a window with the style sheet set once, when it is built (not per widget).

    With an application style sheet in force, Qt polishes a widget again each time it is
    given a parent, and a widget tree is built bottom-up (layouts reparent what they
    hold), so the main window's widgets were styled several times over: 35 ms of a 95 ms
    build at start. Held here, the sheet is set at the end and every widget is polished
    once, before its first paint. Only where no sheet is set yet (the first window):
    holding it back would otherwise restyle a window already shown.
    """
    global _held
    app = QApplication.instance()
    if _held is not None or not isinstance(app, QApplication) or app.styleSheet():
        return build()
    _held = []
    try:
        window = build()
    finally:
        held, _held = _held, None
        if held:
            target, sheet = held[-1]
            target.setStyleSheet(sheet)
    if held:
        # Layouts of pages not shown yet keep the sizes they measured unstyled: measure
        # again, as they would have been styled.
        for layout in window.findChildren(QLayout):
            layout.invalidate()
    return window


def apply_theme(app: QApplication, theme: str, scale: float) -> Palette:
    """Style the whole application; returns the palette used."""
    p = palette_for(theme)
    qp = QPalette()
    roles = {
        QPalette.ColorRole.Window: p.window,
        QPalette.ColorRole.Base: p.card,
        QPalette.ColorRole.Text: p.text,
        QPalette.ColorRole.WindowText: p.text,
        QPalette.ColorRole.ButtonText: p.text,
        QPalette.ColorRole.Button: p.card,
        QPalette.ColorRole.Highlight: p.accent,
        QPalette.ColorRole.HighlightedText: p.accent_text,
        QPalette.ColorRole.PlaceholderText: p.muted,
        QPalette.ColorRole.ToolTipBase: p.card,
        QPalette.ColorRole.ToolTipText: p.text,
    }
    for role, colour in roles.items():
        qp.setColor(role, QColor(colour))
    app.setPalette(qp)
    global _applied
    _applied = (app, p)
    install_style(app, lambda: current_palette().text)  # file dialog icons in our colours
    sheet = style_sheet(p, scale)
    if _held is not None:
        _held.append((app, sheet))  # set once the window is built (one_polish)
    else:
        app.setStyleSheet(sheet)
    log.debug("theme %s at scale %.2f", p.name, scale)
    return p


def current_palette() -> Palette:
    """The palette last applied to the application (light before any).

    Read on every frame of the pacer, so it is kept at hand rather than asked of Qt.
    """
    app = QApplication.instance()
    return _applied[1] if app is not None and _applied[0] is app else LIGHT
