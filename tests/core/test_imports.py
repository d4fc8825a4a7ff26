"""The domain stays free of Qt and pygame; the package imports no network library."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import kapcompanion
import kapcompanion.core

PACKAGE = Path(kapcompanion.__file__).parent


def test_core_imports_neither_qt_nor_pygame():
    names = [
        m.name for m in pkgutil.walk_packages(kapcompanion.core.__path__, "kapcompanion.core.")
    ]
    code = (
        "import sys, importlib\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pygame', 'shiboken6')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(names) >= 10


def test_no_module_imports_a_network_library():
    banned = {
        "socket",
        "http",
        "urllib",
        "requests",
        "httpx",
        "aiohttp",
        "ftplib",
        "smtplib",
        "xmlrpc",
        "websocket",
        "websockets",
        "QtNetwork",
        "ssl",
    }
    found = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                mods = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                mods = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            for mod in mods:
                if set(mod.split(".")) & banned:
                    found.append(f"{path.relative_to(PACKAGE)}: {mod}")
    assert found == []
