"""PySide6's per-import question ("does this module use PySide6?") answered from file bytes.

The quick answer must be PySide6's own for every module: the app's, the standard
library's, extension modules, packages, and files PySide6's reader handles differently.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import kapcompanion.ui  # noqa: F401  (puts the quick answer in place)
from kapcompanion.ui import qtimports


def _feature() -> ModuleType:
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None or not hasattr(feature, "_mod_uses_pyside"):
        pytest.skip("this PySide6 asks nothing per import")
    return feature


def _module(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    return importlib.util.module_from_spec(spec)


def test_the_quick_answer_is_in_place_once() -> None:
    feature = _feature()
    quick = feature._mod_uses_pyside
    assert getattr(quick, "__wrapped__", None) is not None
    assert qtimports.quicken() is True
    assert feature._mod_uses_pyside is quick  # not wrapped twice


def test_every_loaded_module_gets_pysides_own_answer() -> None:
    import kapcompanion.ui.app  # noqa: F401  (the app's modules, as at a start)

    quick = _feature()._mod_uses_pyside
    original = quick.__wrapped__
    modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
    assert len(modules) > 150
    differ = [m.__name__ for m in modules if quick(m) != original(m)]
    assert differ == []
    answers = {m.__name__: quick(m) for m in modules}
    assert answers["kapcompanion.ui.main_window"] is True
    assert answers["kapcompanion.core.model"] is False
    assert answers["sys"] is False  # built in: no file


def test_files_outside_the_quick_path_go_to_pysides_reader(tmp_path: Path) -> None:
    quick = _feature()._mod_uses_pyside
    original = quick.__wrapped__
    latin = tmp_path / "latin.py"  # declared Latin-1: only PySide6's reader decodes it
    latin.write_bytes(b"# -*- coding: latin-1 -*-\n# caf\xe9\nimport PySide6\n")
    plain = tmp_path / "plain.py"
    plain.write_text("VALUE = 1\n", encoding="utf-8")
    gone = tmp_path / "gone.py"
    gone.write_text("from PySide6 import QtCore\n", encoding="utf-8")
    modules = [_module(latin, "latin"), _module(plain, "plain"), _module(gone, "gone")]
    gone.unlink()  # a module whose file went away
    assert [quick(m) for m in modules] == [original(m) for m in modules]
    assert quick(modules[0]) is True and quick(modules[1]) is False


def test_the_app_does_not_keep_every_modules_source_in_memory() -> None:
    """PySide6's own answer read each module through linecache, which kept the text of
    every module imported after it (5.6 MB of source, 20 MiB of the app's memory)."""
    import subprocess

    script = (
        "import linecache, sys\n"
        "import kapcompanion.ui.app, kapcompanion.ui.journey, kapcompanion.ui.player.view\n"
        "print(' '.join(f for f in linecache.cache if 'kapcompanion' in f))\n"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=root,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)},
    )
    assert out.returncode == 0, out.stderr[-2000:]
    held = {Path(f).relative_to(root).as_posix() for f in out.stdout.split()}
    # Only what is imported before the quick answer is in place (the package that puts it).
    assert held <= {"kapcompanion/ui/qtimports.py", "kapcompanion/ui/qtguard.py"}
