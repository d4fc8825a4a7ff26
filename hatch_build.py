"""Build hook: compile the interface's translations (i18n/*.ts) to .qm with Qt's lrelease.

The .qm files go to kapcompanion/i18n/, which the wheel ships (and an editable install
reads in place).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _lrelease() -> str | None:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    try:
        import PySide6
    except ImportError:
        return None
    tool = Path(PySide6.__file__).parent / "lrelease"
    return str(tool) if tool.is_file() else None


class CustomBuildHook(BuildHookInterface):
    """Compiles translations before the files are collected."""

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Run lrelease on every .ts file."""
        root = Path(self.root)
        out = root / "kapcompanion" / "i18n"
        out.mkdir(exist_ok=True)
        tool = _lrelease()
        if tool is None:
            raise RuntimeError("PySide6's lrelease is needed to compile the translations")
        for ts in sorted((root / "i18n").glob("*.ts")):
            subprocess.run([tool, "-silent", str(ts), "-qm", str(out / f"{ts.stem}.qm")],
                           check=True)  # fmt: skip
