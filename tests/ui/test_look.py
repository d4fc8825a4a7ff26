"""Every widget drawn by the app's theme, light and dark (issue 17, point 11), and a clean exit."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QProxyStyle,
    QRadioButton,
    QSpinBox,
    QStyle,
    QStyleOption,
    QToolButton,
    QWidget,
)

from kapcompanion.settings import TextSize
from kapcompanion.ui import theme_icons
from kapcompanion.ui.theme import DARK, LIGHT, Palette, apply_theme, icon_url

ROOT = Path(__file__).resolve().parents[2]
THEMES = [LIGHT, DARK]


@pytest.fixture
def themed(qapp: QApplication):
    """Apply a theme at the largest text size; put the light one back after."""

    def use(p: Palette) -> Palette:
        return apply_theme(qapp, p.name, TextSize.LARGEST.value)

    yield use
    apply_theme(qapp, "light", 1.0)


def _near(img: QImage, colour: str, rect: tuple[int, int, int, int], tol: int = 60) -> int:
    want = QColor(colour)
    x0, y0, w, h = rect
    hits = 0
    for y in range(max(0, y0), min(img.height(), y0 + h)):
        for x in range(max(0, x0), min(img.width(), x0 + w)):
            c = img.pixelColor(x, y)
            if (
                abs(c.red() - want.red()) + abs(c.green() - want.green())
                + abs(c.blue() - want.blue()) < tol
            ):  # fmt: skip
                hits += 1
    return hits


def _toward(img: QImage, ink: str, paper: str) -> int:
    """How many pixels are clearly drawn, and nearer ``ink`` than ``paper``."""
    a, b = QColor(ink), QColor(paper)

    def dist(c: QColor, d: QColor) -> int:
        return abs(c.red() - d.red()) + abs(c.green() - d.green()) + abs(c.blue() - d.blue())

    hits = 0
    for y in range(img.height()):
        for x in range(img.width()):
            c = img.pixelColor(x, y)
            if dist(c, b) > 60 and dist(c, a) < dist(c, b):
                hits += 1
    return hits


@pytest.mark.parametrize("p", THEMES, ids=lambda p: p.name)
def test_the_theme_ships_its_images(p: Palette) -> None:
    for name in ("check", "radio", "arrow-up", "arrow-down"):
        assert Path(icon_url(name, p)).is_file(), name


@pytest.mark.parametrize("p", THEMES, ids=lambda p: p.name)
def test_spin_box_arrows_are_drawn_with_room(qtbot, themed, p: Palette) -> None:
    themed(p)
    box = QSpinBox()
    box.setRange(0, 60)
    box.setValue(5)
    box.setSuffix(" seconds")
    qtbot.addWidget(box)
    box.resize(300, box.sizeHint().height())
    box.show()
    qtbot.waitExposed(box)
    img = box.grab().toImage()
    # the arrows sit in their own buttons at the right, drawn in the text colour
    arrows = _near(img, p.text, (box.width() - 30, 0, 30, box.height()))
    assert arrows >= 12, arrows
    assert box.sizeHint().height() >= box.fontMetrics().height() + 12  # padded, not squeezed


@pytest.mark.parametrize("p", THEMES, ids=lambda p: p.name)
def test_radio_buttons_show_their_circle_and_dot(qtbot, themed, p: Palette) -> None:
    themed(p)
    holder = QWidget()
    qtbot.addWidget(holder)
    on, off = QRadioButton("Markdown", holder), QRadioButton("PDF", holder)
    on.setChecked(True)
    off.move(0, 80)
    holder.resize(300, 160)
    holder.show()
    qtbot.waitExposed(holder)
    for button, dot in ((on, True), (off, False)):
        img = button.grab().toImage()
        opt = QStyleOption()
        opt.initFrom(button)
        ind = button.style().subElementRect(QStyle.SubElement.SE_RadioButtonIndicator, opt, button)
        centre = ind.center()
        box = (centre.x() - 3, centre.y() - 3, 7, 7)
        assert (_near(img, p.accent, box) > 20) is dot, (button.text(), ind)
        ring = (ind.left(), ind.top(), ind.width(), ind.height())
        assert _near(img, p.accent if dot else p.muted, ring, 90) > 8


def test_save_and_cancel_carry_no_stock_icons(qtbot, qapp: QApplication, themed) -> None:
    class IconStyle(QProxyStyle):  # a desktop whose style puts icons on dialog buttons
        def styleHint(self, hint, option=None, widget=None, data=None):  # noqa: N802
            if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
                return 1
            return super().styleHint(hint, option, widget, data)

    old = qapp.style().name()
    qapp.setStyle(IconStyle("fusion"))
    try:
        themed(LIGHT)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        qtbot.addWidget(box)
        box.show()
        for b in box.buttons():
            assert b.icon().isNull(), b.text()
    finally:
        qapp.setStyle(old)
        theme_icons._installed = None  # the theme's own style goes back on below
        apply_theme(qapp, "light", 1.0)


@pytest.mark.parametrize("p", THEMES, ids=lambda p: p.name)
def test_the_search_fields_clear_button_sits_inside_it(qtbot, themed, p: Palette) -> None:
    themed(p)
    field = QLineEdit()
    field.setClearButtonEnabled(True)
    qtbot.addWidget(field)
    field.resize(400, field.sizeHint().height())
    field.setText("calm")
    field.show()
    qtbot.waitExposed(field)
    clear = [b for b in field.findChildren(QToolButton) if b.isVisible()]
    assert clear
    for b in clear:
        assert field.rect().contains(b.geometry()), (b.geometry(), field.rect())


@pytest.mark.parametrize("p", THEMES, ids=lambda p: p.name)
def test_the_file_dialogs_toolbar_buttons_show_their_icons(qtbot, themed, p: Palette) -> None:
    themed(p)
    dialog = QFileDialog(None, "Save", str(ROOT))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    tools = [b for b in dialog.findChildren(QToolButton) if b.isVisible() and not b.icon().isNull()]
    assert len(tools) >= 4
    for b in tools:
        # as wide and tall as the button needs for its icon and padding: not squeezed to a dot
        want = b.sizeHint()
        assert b.width() >= want.width() and b.height() >= want.height(), (b.size(), want)
        assert want.width() <= b.iconSize().width() * 3  # small padding, as a toolbar has
        assert b.mapTo(dialog, QPoint(0, 0)).x() + b.width() <= dialog.width()
        if b.isEnabled():  # drawn in the theme's text colour, so it reads on light and dark
            img = b.grab().toImage()
            assert _toward(img, p.text, p.card) >= 6, b.objectName()


def test_the_app_exits_without_qt_complaining(tmp_path) -> None:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        SDL_AUDIODRIVER="dummy",
        KAPCOMPANION_DATA_DIR=str(tmp_path),
        PYTHONPATH=str(ROOT),
    )
    proc = subprocess.run(
        [sys.executable, "-m", "tests.ui.clean_exit_child"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "WALKED" in proc.stderr, proc.stderr[-2000:]
    assert "shared QObject was deleted directly" not in proc.stderr
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_long_check_box_words_wrap_at_the_largest_text(qtbot, themed) -> None:
    from PySide6.QtWidgets import QCheckBox

    from kapcompanion.settings import Settings
    from kapcompanion.ui.settings_dialog import SettingsDialog

    themed(LIGHT)
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.resize(dialog.minimumWidth(), 800)  # its narrowest, with the height it needs
    dialog.show()
    qtbot.waitExposed(dialog)
    for i in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(i)
        page = dialog.tabs.currentWidget()
        for box in page.findChildren(QCheckBox):
            if not box.isVisibleTo(dialog):
                continue
            qtbot.waitUntil(lambda b=box: b.height() >= b.heightForWidth(b.width()))
            right = box.mapTo(page, QPoint(box.width(), 0)).x()
            assert right <= page.width(), box.text()  # nothing runs off the edge
            lines = box.fontMetrics().boundingRect(0, 0, 10_000, 100, 0, box.text()).width() // max(
                1, box.width()
            )
            if lines >= 1:  # longer than its width: wrapped onto more lines, all shown
                assert box.height() >= 2 * box.fontMetrics().height(), box.text()


def test_a_wrapped_check_box_toggles_from_any_line(qtbot, themed) -> None:
    from PySide6.QtCore import Qt

    from kapcompanion.ui.wrap_check import WrapCheckBox

    themed(LIGHT)
    box = WrapCheckBox("Read guidance aloud when there is no recorded voice, in a long line")
    qtbot.addWidget(box)
    box.resize(260, box.heightForWidth(260))
    box.show()
    qtbot.waitExposed(box)
    assert box.height() >= 2 * box.fontMetrics().height()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() - 20, box.height() - 8))
    assert box.isChecked()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert not box.isChecked()
    assert box.text().startswith("Read guidance aloud")  # the same words for screen readers


def test_a_long_intention_wraps_without_squeezing_the_pacer(qtbot, themed) -> None:
    from kapcompanion.ui.player.layout import STAGE_RUN, PlayerLayout

    themed(LIGHT)
    player = PlayerLayout()
    qtbot.addWidget(player)
    player.resize(1280, 720)
    player.pages.setCurrentIndex(1)
    player.stage.setCurrentIndex(STAGE_RUN)
    player.show()
    qtbot.waitExposed(player)
    player.guidance.show_text("Breathe in gently")
    qtbot.wait(50)
    room, big = player.pacer.height(), player.guidance.font().pointSizeF()
    player.guidance.show_text(
        "Read your intention once more, slowly: To meet whatever comes with curiosity and "
        "kindness, to let the music carry me when I feel unsure, and to remember that I can "
        "always open my eyes and ask for what I need."
    )
    qtbot.wait(50)
    assert player.pacer.height() >= room  # the pacer keeps its room
    assert player.guidance.font().pointSizeF() < big  # the long words are set smaller…
    g = player.guidance
    need = g.fontMetrics().boundingRect(0, 0, g.contentsRect().width(), 100_000, 0x1000, g.text())
    assert need.height() <= g.contentsRect().height()  # …and shown whole
    player.guidance.show_text("Notice how it feels.")
    qtbot.wait(50)
    assert player.guidance.font().pointSizeF() == big  # short words large again


@pytest.mark.parametrize("p", THEMES, ids=lambda p: p.name)
def test_the_default_button_keeps_its_focus_ring(qtbot, themed, p: Palette) -> None:
    themed(p)
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    save = box.button(QDialogButtonBox.StandardButton.Save)
    save.setDefault(True)
    save.setFocus()
    qtbot.waitUntil(save.hasFocus)
    img = save.grab().toImage()
    edge = _near(img, p.focus, (0, 0, save.width(), 4), 60)
    assert edge >= save.width() // 3  # the focus ring along its top edge
