"""Packs in the app: share 20 practices with 60 MiB of audio through the share code, open
the pack in the import dialog (inspect + lengths from the clips' headers), and import it
with the library reloaded.

Targets follow issue #7: building and importing under 3 s each; the import dialog should
appear about as fast as an inspect (200 ms) — it also reads 20 clip headers, so 300 ms.

Run: python benchmarks/bench_packs_ui.py [--json out.json] [--runs N]
Figures are the median of N runs (default 3). The machine may be shared: figures are noisy.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import _common

from kapcompanion.core.packs import SigningStore
from kapcompanion.paths import data_folders

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-packs-ui-"))
    therapist, client = work / "therapist", work / "client"
    os.environ["KAPCOMPANION_DATA_DIR"] = str(therapist)

    from bench_packs import make_source
    from PySide6.QtWidgets import QApplication

    from kapcompanion.core.library import Library
    from kapcompanion.paths import user_practices_dir
    from kapcompanion.settings import SettingsStore
    from kapcompanion.ui.library_source import load_library
    from kapcompanion.ui.main_window import MainWindow
    from kapcompanion.ui.packs import install, open_pack
    from kapcompanion.ui.packs.assemble import PackDetails, share

    app = QApplication.instance() or QApplication([])
    try:
        key = SigningStore.of(data_folders()).create_key("Sam Rivera")
        src = make_source(work / "src", 1)
        shutil.copytree(src / "practices", user_practices_dir())
        lib = Library.load(data_folders(), use_cache=False)
        practices = [p for pid, p in sorted(lib.practices.items()) if pid.startswith("bench-")]
        assert len(practices) == 20
        shares, opens, imports = [], [], []
        for run in range(args.runs):
            os.environ["KAPCOMPANION_DATA_DIR"] = str(therapist)
            out = work / f"bench-{run}.kappack"
            details = PackDetails(
                "Bench pack", "Sam Rivera", "", "For the benchmark.", str(run + 1)
            )
            took, _ = timed(lambda out=out, d=details: share(practices, [], d, out, key))
            shares.append(took)
            os.environ["KAPCOMPANION_DATA_DIR"] = str(client)
            win = MainWindow(library=load_library(), store=SettingsStore(work / "s.json"))
            install(win)
            took, dialog = timed(lambda out=out, w=win: open_pack(w, out))
            opens.append(took)
            app.processEvents()
            took, result = timed(dialog.accept_pack)  # type: ignore[attr-defined]
            assert result is not None, dialog.warning.text()  # type: ignore[attr-defined]
            imports.append(took)
            assert "bench-0" in win.practices
            dialog.close()  # type: ignore[attr-defined]
            win.close()
            app.processEvents()
        print(f"share runs (s): {', '.join(f'{v:.3f}' for v in shares)}")
        print(f"dialog open runs (ms): {', '.join(f'{v * 1000:.0f}' for v in opens)}")
        print(
            f"import runs (s): {', '.join(f'{v:.3f}' for v in imports)} "
            "(first fresh, then updates in place; includes the library reload)"
        )
        _common.report(
            "Packs in the app (median of runs)",
            [
                (
                    "share 20 practices + 60 MiB (copy, build, sign)",
                    statistics.median(shares),
                    3,
                    "s",
                ),
                (
                    "open the import dialog (inspect + lengths)",
                    statistics.median(opens) * 1000,
                    300,
                    "ms",
                ),
                ("trust and import + library reload", statistics.median(imports), 3, "s"),
            ],
            args.json,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
