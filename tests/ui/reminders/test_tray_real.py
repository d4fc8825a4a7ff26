"""Reminders through a real system tray: a private Xvfb, a real XEmbed tray, the real app.

The pytest process runs Qt offscreen, where there is no tray; so the app runs in a child
process on Qt's xcb platform against a private X server with ``trayer`` (a standalone
freedesktop system tray) docked on it. Without a D-Bus notification service Qt shows
``QSystemTrayIcon.showMessage`` as its own balloon (QBalloonTip), a top-level widget the
child finds and reads, and whose on-screen colours it samples from the X server. The child
is tests/ui/reminders/tray_child.py; it prints a JSON result that this test checks.

Set ``KAP_TRAY_SHOTS=/some/dir`` to keep the child's screenshots of the X screen.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kapcompanion.core.reminders import DAILY_TEXT
from kapcompanion.ui.theme import contrast
from tests.procs import stop

ROOT = Path(__file__).resolve().parents[3]
TRAY = ("trayer", "--edge", "top", "--align", "right", "--widthtype", "request", "--height", "32")


_stop = stop


@pytest.fixture
def x_tray(tmp_path: Path) -> Iterator[str]:
    """A private X server (its own free display number) with a system tray; its DISPLAY."""
    xvfb, trayer = shutil.which("Xvfb"), shutil.which(TRAY[0])
    if xvfb is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb): no X server for the tray")
    if trayer is None:
        pytest.skip("no standalone system tray to dock into (apt-get install trayer)")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "xvfb.log").open("wb"),
    )
    os.close(write_end)
    tray: subprocess.Popen[bytes] | None = None
    try:
        ready, _, _ = select.select([read_end], [], [], 15)
        number = os.read(read_end, 32).decode().strip() if ready else ""
        if not number.isdigit():
            log = (tmp_path / "xvfb.log").read_text(errors="replace")[-600:]
            pytest.fail(f"Xvfb did not start (no display number in 15 s): {log}")
        display = f":{number}"
        tray = subprocess.Popen(
            [trayer, *TRAY[1:]],
            env=dict(os.environ, DISPLAY=display),
            stdout=subprocess.DEVNULL,
            stderr=(tmp_path / "trayer.log").open("wb"),
        )
        yield display
    finally:
        os.close(read_end)
        if tray is not None:
            _stop(tray)
        _stop(server)


def run_child(display: str, tmp_path: Path, *mode: str) -> dict:
    """Run the app in the child on ``display``; its JSON result."""
    shots = Path(os.environ.get("KAP_TRAY_SHOTS") or tmp_path / "shots")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="xcb",
        DISPLAY=display,
        XDG_CONFIG_HOME=str(tmp_path / "config"),  # the autostart entry goes here
        # No session bus: Qt then uses the XEmbed tray and its own balloon, every time.
        DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path / 'no-bus'}",
        SDL_AUDIODRIVER="dummy",
        PYGAME_HIDE_SUPPORT_PROMPT="1",
    )
    env.pop("WAYLAND_DISPLAY", None)
    out = subprocess.run(
        [sys.executable, "-m", "tests.ui.reminders.tray_child", str(shots), *mode],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if "Could not load the Qt platform plugin" in out.stderr:
        pytest.skip(
            "Qt's xcb platform plugin cannot load here (needs libxcb-cursor0, "
            f"libxkbcommon-x11-0, libxcb-icccm4 …): {out.stderr.strip()[-300:]}"
        )
    lines = [line for line in out.stdout.splitlines() if line.startswith("RESULT ")]
    assert out.returncode == 0 and lines, f"child failed ({out.returncode}): {out.stderr[-1500:]}"
    return json.loads(lines[-1].removeprefix("RESULT "))


def _readable(balloon: dict) -> None:
    colours = balloon["colours"]
    assert colours["background"] != "#000000", colours  # not the black of an unstyled balloon
    assert contrast(colours["background"], colours["text"]) >= 4.5, colours


def test_a_morning_reminder_arrives_from_a_real_tray(x_tray: str, tmp_path: Path) -> None:
    r = run_child(x_tray, tmp_path)
    trayer_log = (tmp_path / "trayer.log").read_text(errors="replace")[-400:]
    assert r["platform"] == "xcb"
    assert r["tray_available"], f"the tray never appeared on the X server: {trayer_log}"
    assert r["has_tray"] and not r["tray_before"]  # off until turned on: no icon yet
    assert "tray" in r["dialog_note"]

    # Turned on in the Reminders dialog (with start at login): the icon docks in the tray.
    assert r["plan_enabled"] and r["autostart_after_on"]
    assert r["tray_visible"] and r["tray_docked"]

    # The reminder arrives once, as a notification balloon from the tray icon, readable.
    reminder = r["reminder"]
    assert reminder["shown"], f"no notification appeared: {reminder}"
    assert reminder["words"] == ["KAP Companion", DAILY_TEXT]
    assert r["shown"] == [["daily", DAILY_TEXT]]
    _readable(reminder)
    x, y, w, h = r["tray_geometry"]  # the icon sits in trayer, docked at the top right
    assert w > 0 and h > 0 and x >= 640 and y < 100, r["tray_geometry"]
    assert r["tray_icon_colours"] >= 8  # the app's icon is drawn there, not an empty slot
    assert r["balloon_gone_after_click"]

    # Closing the window keeps the app in the tray and says so, once.
    assert r["window_hidden_after_close"] and r["quit_on_last_closed"] is False
    told = r["told"]
    assert told["shown"] and told["words"][0] == "KAP Companion is still here"
    assert "Quit" in told["words"][1]
    _readable(told)
    assert r["told_stored"] and r["window_back_after_click"]
    assert r["window_hidden_second_close"] and r["balloons_second_close"] == []

    # Reminders off: the icon leaves the tray and no login entry is left behind.
    assert not r["tray_visible_after_off"] and r["tray_docked_after_off"]
    assert not r["autostart_after_off"] and r["autostart_folder_after_off"] == []
    assert r["quit_on_last_closed_after_off"]

    # On again, window closed; "Turn reminders off" from the tray icon's own (readable) menu
    # quits the hidden app and takes the login entry with it.
    assert r["autostart_on_again"]
    assert r["tray_menu"] == [
        "Open KAP Companion",
        "Remind me again in a little while",
        "Turn reminders off",
        "Quit",
    ]
    _readable({"colours": r["tray_menu_colours"]})
    assert r["exit_code_from_tray_menu"] == 0  # quit by the menu, not by the 20 s guard
    assert r["enabled_after_tray_off"] is False and not r["tray_visible_after_tray_off"]
    assert r["autostart_after_tray_off"] is False

    if shutil.which("import"):  # ImageMagick took pictures of the X screen
        shots = (reminder["screenshot"], told["screenshot"], r["desktop_shot"], r["tray_menu_shot"])
        for shot in shots:
            assert shot and Path(shot).stat().st_size > 0


def test_started_at_login_hides_only_in_a_tray_icon(x_tray: str, tmp_path: Path) -> None:
    r = run_child(x_tray, tmp_path, "background")
    assert r["tray_available"]
    # Reminders off (say the login entry outlived them): no icon, so the window shows.
    assert not r["off_tray_visible"] and not r["off_tray_docked"]
    assert r["off_window_visible"]
    # Reminders on: it waits quietly as an icon in the tray.
    assert r["on_tray_visible"] and r["on_tray_docked"]
    assert not r["on_window_visible"]
