"""Translations: extract the interface's strings, make a pseudo-locale, compile to .qm.

    python tools/i18n.py update          # i18n/kapcompanion_<lang>.ts from the sources
    python tools/i18n.py release [OUT]   # compile every .ts to .qm (the build does this)
    python tools/i18n.py pseudo TS OUT   # a pseudo-translation: 40% longer, in ⟦markers⟧

Uses Qt's own tools (pyside6-lupdate, pyside6-lrelease) that come with PySide6.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a source checkout without installing
    sys.path.insert(0, str(ROOT))

from kapcompanion.settings import Language  # noqa: E402

TS_DIR = ROOT / "i18n"
#: The languages that need a translation file: all offered but English, the source.
LANGUAGES = tuple(lang.value for lang in Language.offered() if lang is not Language.EN)


def qt_tool(name: str) -> str:
    """Path of a Qt tool shipped with PySide6 (lupdate, lrelease)."""
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    tool = Path(PySide6.__file__).parent / name
    if tool.is_file():
        return str(tool)
    raise SystemExit(f"cannot find Qt's {name}: is PySide6 installed?")


def sources() -> list[str]:
    """Every Python file of the interface (relative paths keep the .ts stable)."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "kapcompanion").rglob("*.py"))


def update() -> None:
    """Extract strings into i18n/kapcompanion_<lang>.ts (keeping existing translations)."""
    TS_DIR.mkdir(exist_ok=True)
    for lang in LANGUAGES:
        ts = TS_DIR / f"kapcompanion_{lang}.ts"
        subprocess.run(
            [qt_tool("lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts",
             str(ts.relative_to(ROOT))],
            cwd=ROOT, check=True,
        )  # fmt: skip


def release(out: Path, ts_files: list[Path] | None = None) -> list[Path]:
    """Compile .ts files to .qm in ``out``; return the .qm files written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in ts_files or sorted(TS_DIR.glob("*.ts")):
        qm = out / f"{ts.stem}.qm"
        subprocess.run(
            [qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True
        )  # fmt: skip
        written.append(qm)
    return written


def pseudo_text(text: str) -> str:
    """A pseudo-translation: 40% longer, wrapped in markers, placeholders kept."""
    extra = max(1, round(len(text) * 0.4))
    pad = ("~" * extra) if text.strip() else ""
    return f"⟦{text}{pad}⟧"


def pseudo(ts: Path, out: Path) -> Path:
    """Write a pseudo-locale .ts from ``ts`` (every message translated, finished)."""
    tree = ET.parse(ts)
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            for _ in range(2):
                ET.SubElement(translation, "numerusform").text = pseudo_text(source)
        else:
            translation.text = pseudo_text(source)
    tree.getroot().set("language", "en_XA")
    tree.write(out, encoding="utf-8", xml_declaration=True)
    return out


def main(argv: list[str]) -> int:
    """The command line."""
    if not argv or argv[0] not in ("update", "release", "pseudo"):
        print(__doc__)
        return 2
    if argv[0] == "update":
        update()
    elif argv[0] == "release":
        out = Path(argv[1]) if len(argv) > 1 else ROOT / "kapcompanion" / "i18n"
        print("\n".join(str(p) for p in release(out)))
    else:
        print(pseudo(Path(argv[1]), Path(argv[2])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
