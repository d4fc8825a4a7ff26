"""Screenshots of sharing practices (the therapist's side) and opening a pack (the client's).

Used by tools/screenshots.py, which sets up the offscreen platform and a private data dir.
"""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from pathlib import Path

from PySide6.QtTest import QTest

from kapcompanion.core.packs import SigningStore
from kapcompanion.paths import data_folders
from kapcompanion.settings import Settings, SettingsStore
from kapcompanion.ui.library_source import load_library
from kapcompanion.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SIZE = (1280, 820)


def settle(ms: int = 700) -> None:
    """Let fades and layout finish."""
    QTest.qWait(ms)


PACK_PRACTICE = """\
kapcompanion: 1
id: {id}
title: {title}
category: {category}
summary: {summary}
steps:
  - say: Welcome. Settle in however feels right; you can open your eyes at any time.
    voice: audio/{id}.ogg
  - breathe:
      inhale: 4
      exhale: 6
      cycles: 12
"""
PACK_MESSAGE = (
    "Here are the practices we tried together last week, in my voice.\n"
    "Use them whenever it feels right, and leave any that don't. We can talk about "
    "how they went at our next session."
)


def _therapist_practices() -> None:
    """Two of the therapist's own practices with a (generated) voice clip each."""
    import numpy as np
    import soundfile as sf

    from kapcompanion.paths import user_practices_dir

    folder = user_practices_dir()
    (folder / "audio").mkdir(parents=True, exist_ok=True)
    rate = 22050
    t = np.arange(rate * 20) / rate
    tone = (0.1 * np.sin(2 * np.pi * 220 * t)).astype("float32")
    for pid, title, category, summary in (
        ("rivera-arrival", "Arriving, with Sam", "prepare", "A few slow breaths as you arrive."),
        ("rivera-evening", "Evening settle", "integrate", "Winding down after a full day."),
    ):
        sf.write(str(folder / "audio" / f"{pid}.ogg"), tone, rate, format="OGG")
        (folder / f"{pid}.yaml").write_text(
            PACK_PRACTICE.format(id=pid, title=title, category=category, summary=summary),
            encoding="utf-8",
        )


def shoot_packs(theme: str, out: Path) -> list[Path]:
    """Sharing (first-time key, the form, done) and opening a pack as a client."""
    import zipfile

    from kapcompanion.ui.packs import install, open_pack, open_share

    base = Path(os.environ["KAPCOMPANION_DATA_DIR"])
    shots: list[Path] = []

    def save(name: str, widget: object) -> None:
        path = out / f"{name}-{theme}.png"
        widget.grab().save(str(path))  # type: ignore[attr-defined]
        shots.append(path)

    def window(who: str) -> MainWindow:
        os.environ["KAPCOMPANION_DATA_DIR"] = str(base / f"{who}-{theme}")
        if who == "therapist":
            _therapist_practices()
        store = SettingsStore(base / f"settings-{who}-{theme}.json")
        win = MainWindow(
            library=load_library(), store=store, settings=replace(Settings(), theme=theme)
        )
        install(win)
        win.resize(*SIZE)
        win.show()
        return win

    pack_file = base / f"calm-start-{theme}.kappack"
    try:
        win = window("therapist")
        share = open_share(win, choose_path=lambda _parent, _suggested: pack_file)
        share.resize(700, 760)
        share.key_page.name.setText("Dr. Sam Rivera")
        settle()
        save("share-key", share)
        share.key_page.create_key()
        share.set_checked(["rivera-arrival", "rivera-evening"])
        share.name.setText("A calm start")
        share.clinic.setText("Riverside KAP")
        share.message.setPlainText(PACK_MESSAGE)
        share.items.setCurrentRow(0)
        settle()
        save("share", share)
        share.save_pack()
        settle()
        save("share-done", share)
        share.close()
        key = SigningStore.of(data_folders()).load_key()
        win.close()

        win = window("client")
        dialog = open_pack(win, pack_file)
        dialog.resize(680, 780)
        settle()
        save("import", dialog)
        dialog.accept_pack()
        dialog.close()
        changed = base / f"changed-{theme}.kappack"
        with zipfile.ZipFile(pack_file) as src, zipfile.ZipFile(changed, "w") as dst:
            for item in src.infolist():
                data = src.read(item)
                if item.filename.endswith("rivera-evening.yaml"):
                    data = data.replace(b"Evening settle", b"Evening settle!")
                dst.writestr(item, data)
        refused = open_pack(win, changed)
        refused.resize(680, 520)
        settle()
        save("import-refused", refused)
        refused.close()
        win.library.select("rivera-arrival")
        settle()
        save("library-pack", win)
        win.close()
        assert key is not None
    finally:
        os.environ["KAPCOMPANION_DATA_DIR"] = str(base)
    return shots
