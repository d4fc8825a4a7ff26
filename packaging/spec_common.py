"""What every PyInstaller spec of KAP Companion shares: data files, modules, exclusions.

The three specs (``kapcompanion-linux.spec``, ``-windows.spec``, ``-macos.spec``) import this
file. The bundle is built by entry point (``packaging/launcher.py`` runs
``kapcompanion.cli:main``); the app's own modules are found with
``collect_submodules("kapcompanion")`` so that moving a module needs no change here.

Inside the bundle the shipped files sit where an installed wheel has them
(``kapcompanion/_bundled/assets``, ``kapcompanion/_bundled/scripts``,
``kapcompanion/i18n/*.qm``), so ``kapcompanion.resources`` finds them unchanged.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "KAP-Companion"  # the folder a client unpacks
EXE_NAME = "kapcompanion"

#: Python modules the app never imports (some come in through optional imports of
#: numpy, reportlab, PIL or the hooks): left out to keep the bundle small.
# SciPy is a test-only dependency (the loudness tests compare with it); the app's loudness
# is NumPy's (kapcompanion/core/bs1770.py), so SciPy and what its array-API layer pulls in
# (numpy.testing, unittest, pydoc) stay out: about 85 MB.
EXCLUDES = [
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc",
    "pytest",
    "IPython",
    "matplotlib",
    "scipy",
    "pandas",
    "sympy",
    "setuptools",
    # Only pygame.pkgdata asks for it, and falls back without it; with it in the bundle a
    # runtime hook imports it at every start (~150 ms).
    "pkg_resources",
    "pip",
    "readline",
    # No network, ever: no TLS. hashlib falls back to Python's own SHA-256 without
    # _hashlib, and the journal's scrypt is cryptography's. Leaves out OpenSSL (~5 MB).
    "ssl",
    "_ssl",
    "_hashlib",
    "curses",
    "numpy.f2py",
    # pygame: the app uses only its mixer; fonts and image codecs pull SDL_ttf, SDL_image
    # and their libraries (pygame's own __init__ tolerates their absence).
    "pygame.font",
    "pygame.ftfont",
    "pygame.sysfont",
    "pygame.freetype",
    "pygame._freetype",
    "pygame.imageext",
    "pygame.examples",
    "pygame.tests",
    "pygame.docs",
    # Pillow is imported by reportlab (which draws no images in the journal's PDF): its
    # optional codecs and font and colour modules are left out (~9 MB of libraries).
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingcms",
    "PIL._imagingft",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuick3D",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DExtras",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtLocation",
    "PySide6.QtPositioning",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtUiTools",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSpatialAudio",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtStateMachine",
    "PySide6.QtHttpServer",
    "PySide6.QtNetworkAuth",
]

#: Qt Multimedia's FFmpeg backend (the only one in the Linux wheels) and what it needs:
#: Qt Quick, QML and FFmpeg, ~40 MB. Without it the editor cannot record a voice (it says
#: no microphone was found); speech (QtTextToSpeech via speech-dispatcher) does not need
#: it. Set KAPCOMPANION_BUNDLE_RECORDING=1 when building to keep it.
RECORDING_DROPS = (
    []
    if os.environ.get("KAPCOMPANION_BUNDLE_RECORDING") == "1"
    else [
        r"plugins[/\\]multimedia[/\\]",
        r"(lib)?(avcodec|avformat|avutil|swresample|swscale)[-.]",
        r"Qt6?(Quick|Qml|QmlMeta|QmlModels|QmlWorkerScript|FFmpegStub)",
    ]
)

#: Shared libraries and plugins that reach the bundle through Qt's dependency scan but that
#: this app never loads (matched against the file's path inside the bundle, any OS).
BINARY_DROPS = [
    r"Qt6?(WebEngine|Pdf|3D|Charts|DataVisualization|Graphs|Designer|Location|Positioning)",
    r"Qt6?(Bluetooth|Nfc|Sensors|SerialPort|SerialBus|Sql|Test|VirtualKeyboard|OpenGLWidgets)",
    r"Qt6?(SpatialAudio|RemoteObjects|Scxml|StateMachine|HttpServer|MultimediaWidgets)",
    r"Qt6?(EglFSDeviceIntegration|EglFsKmsSupport)",
    r"plugins[/\\](qmltooling|sceneparsers|geoservices|position|sensors|sqldrivers|canbus)",
    r"plugins[/\\](webview|renderers|renderplugins|assetimporters|geometryloaders|designer)",
    r"plugins[/\\](wayland-graphics-integration-server|scxmldatamodel|egldeviceintegrations)",
    r"plugins[/\\](generic|networkinformation|tls)[/\\]",
    r"plugins[/\\]platforms[/\\].*(eglfs|linuxfb|minimalegl|vkkhrdisplay|vnc)",
    r"plugins[/\\]platformthemes[/\\].*gtk3",  # GTK's own libraries; Qt's dialogs instead
    r"plugins[/\\]platforminputcontexts[/\\].*virtualkeyboard",
    r"plugins[/\\]imageformats[/\\].*q(pdf|tiff|webp|tga|wbmp|icns|gif)",
    r"plugins[/\\]texttospeech[/\\].*mock",
    *RECORDING_DROPS,
    r"[/\\]qml[/\\]",
    # OpenSSL, collected for Qt's TLS backend (left out above) and Python's ssl (excluded):
    # nothing links it. cryptography carries its own.
    r"(^|[/\\])lib(ssl|crypto)\.so",
]


def version() -> str:
    """The app's version, read from ``kapcompanion/__init__.py`` (nothing is imported)."""
    text = (ROOT / "kapcompanion" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not found:
        raise RuntimeError("no __version__ in kapcompanion/__init__.py")
    return found.group(1)


def _lrelease() -> str:
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    import PySide6

    for name in ("lrelease", "lrelease.exe"):
        tool = Path(PySide6.__file__).parent / name
        if tool.is_file():
            return str(tool)
    raise RuntimeError("PySide6's lrelease is needed to compile the translations")


def compile_translations(out: Path) -> list[Path]:
    """Compile ``i18n/*.ts`` to ``out/kapcompanion_<lang>.qm`` (as the wheel's build does)."""
    out.mkdir(parents=True, exist_ok=True)
    tool = _lrelease()
    made = []
    for ts in sorted((ROOT / "i18n").glob("*.ts")):
        qm = out / f"{ts.stem}.qm"
        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        made.append(qm)
    return made


def datas(work: Path) -> list[tuple[str, str]]:
    """(source, folder in the bundle) for every shipped file that is not Python code."""
    from PyInstaller.utils.hooks import collect_data_files

    qm_dir = work / "i18n"
    compile_translations(qm_dir)
    found = [
        (str(ROOT / "assets"), "kapcompanion/_bundled/assets"),
        (str(ROOT / "scripts"), "kapcompanion/_bundled/scripts"),
        (str(qm_dir), "kapcompanion/i18n"),
    ]
    # Icons and other package data inside kapcompanion/ (e.g. ui/icons/*.svg); the .qm
    # files of a source checkout are left to the fresh compile above.
    found += [
        (src, dest)
        for src, dest in collect_data_files("kapcompanion", excludes=["**/*.qm"])
        if "__pycache__" not in src
    ]
    found += _voice_datas()
    return found


def _voice_datas() -> list[tuple[str, str]]:
    """The offline voice (``hibari``): its model and lexicons live in ``hibari/assets``."""
    from PyInstaller.utils.hooks import collect_data_files

    try:
        import hibari  # noqa: F401
    except ImportError:
        log.warning("hibari-tts is not installed: the bundle will have no built-in voice")
        return []
    return collect_data_files("hibari")


def hidden_imports() -> list[str]:
    """Every module of the app (imports inside functions included), and the voice's."""
    from PyInstaller.utils.hooks import collect_submodules

    names = collect_submodules("kapcompanion")
    try:
        import hibari  # noqa: F401

        names += collect_submodules("hibari")
    except ImportError:
        pass
    # Loaded lazily by the app (ui/speech.py, ui/editor/recorder.py): named so that their
    # Qt plugins (texttospeech, multimedia) are collected.
    names += ["PySide6.QtTextToSpeech", "PySide6.QtMultimedia", "PySide6.QtSvg"]
    return names


def languages() -> set[str]:
    """The interface's languages besides English (from ``i18n/kapcompanion_<lang>.ts``)."""
    return {ts.stem.rsplit("_", 1)[-1] for ts in (ROOT / "i18n").glob("*.ts")}


def _foreign_qt_translation(dest: str) -> bool:
    """A Qt translation (``translations/qtbase_fr.qm``) for a language the app does not speak."""
    parts = re.split(r"[/\\]", dest)
    if "translations" not in parts or not dest.endswith(".qm"):
        return False
    lang = Path(dest).stem.split("_", 1)[-1]
    return lang.split("_")[0] not in languages() | {"en"}


def prune(toc: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Drop from a TOC what :data:`BINARY_DROPS` names, and foreign Qt translations.

    Qt's own translations are kept only for the languages the app itself speaks.
    """
    drops = [re.compile(p) for p in BINARY_DROPS]
    kept = []
    for entry in toc:
        if any(d.search(entry[0]) or d.search(entry[1] or "") for d in drops):
            continue
        if _foreign_qt_translation(entry[0]):
            continue
        kept.append(entry)
    return kept


def _dropped(path: str) -> bool:
    return any(re.search(p, path) for p in BINARY_DROPS)


def skip_unused_qt_plugins() -> None:
    """Keep PyInstaller's Qt hooks from collecting the plugins :data:`BINARY_DROPS` names.

    Pruning the TOC afterwards (:func:`prune`) removes the plugin but not the system
    libraries it pulled in (GTK's, for the gtk3 theme); filtering at collection avoids both.
    This wraps an internal PyInstaller method; if it is gone, :func:`prune` still applies.
    """
    try:
        from PyInstaller.utils.hooks import qt
    except ImportError:  # pragma: no cover - depends on the PyInstaller version
        return
    info = getattr(qt, "QtLibraryInfo", None)
    original = getattr(info, "collect_plugins", None)
    if info is None or original is None or getattr(original, "_kap", False):
        log.warning("cannot filter Qt plugins at collection; pruning afterwards only")
        return

    def collect_plugins(self: object, plugin_type: str) -> list[tuple[str, str]]:
        found = original(self, plugin_type)
        return [(src, dest) for src, dest in found if not _dropped(src)]

    collect_plugins._kap = True  # type: ignore[attr-defined]
    info.collect_plugins = collect_plugins
