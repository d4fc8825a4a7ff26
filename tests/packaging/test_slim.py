"""packaging/slim.py: what the Linux bundle leaves out, checked on the real libraries.

Qt's own ICU data (from the installed PySide6) is trimmed for real and Qt is run on it in
a child process: for the app's languages, collation, case mapping, time-zone names and the
character converters give exactly what the whole data gives.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import slim  # noqa: E402

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux")
    or not all(shutil.which(t) for t in ("readelf", "as", "ld")),
    reason="the bundle is slimmed on Linux with binutils (readelf, as, ld)",
)

#: What Qt asks ICU (the functions Qt's libraries import), printed for some locales.
QT_ICU_PROBE = """
import functools, sys
from PySide6.QtCore import (QCollator, QCoreApplication, QDate, QDateTime, QLocale, QTime,
                            QTimeZone, QStringConverter, QStringDecoder, QStringEncoder)
app = QCoreApplication([])
words = ["Äpfel", "apple", "Zebra", "zèbre", "école", "Ecole", "ñu", "nube", "chico", "cz",
         "İstanbul", "straße", "Strasse", "中文", "日本"]
for name in sys.argv[1:]:
    loc = QLocale(name)
    print(name, sorted(words, key=functools.cmp_to_key(QCollator(loc).compare)))
    print(name, loc.toUpper("istanbul ß ǆ"), loc.toLower("İSTANBUL ΣΑΣ"))
    for zone in (b"Europe/Madrid", b"America/New_York", b"Asia/Tokyo"):
        tz = QTimeZone(zone)
        when = QDateTime(QDate(2026, 7, 1), QTime(12, 0), tz)
        for kind in QTimeZone.NameType:
            print(name, zone, kind.name, tz.displayName(when, kind, loc))
print(len(QStringConverter.availableCodecs()))
for codec in ("windows-1252", "ISO-8859-15", "KOI8-R", "Shift_JIS", "GB18030"):
    print(codec, QStringDecoder(codec).isValid(), QStringEncoder(codec).name())
"""


def _icudata() -> Path:
    pyside = pytest.importorskip("PySide6")
    found = sorted((Path(pyside.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not found:
        pytest.skip("this PySide6 has no libicudata of its own")
    return found[-1]


def _probe(locales: list[str], icu_folder: Path | None = None) -> str:
    env = dict(os.environ)
    if icu_folder is not None:  # before Qt's own RUNPATH ($ORIGIN)
        env["LD_LIBRARY_PATH"] = str(icu_folder)
    out = subprocess.run(
        [sys.executable, "-c", QT_ICU_PROBE, *locales],
        env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return out.stdout


def test_the_icu_package_is_rewritten_item_for_item(tmp_path: Path) -> None:
    source = _icudata()
    _, offset, size = slim._icu_symbol(source)
    data = source.read_bytes()[offset : offset + size]
    items = slim.icu_package_items(data)
    assert len(items) > 1000
    header = data[: int.from_bytes(data[:2], "little")]
    again = slim.icu_package_items(slim.icu_package(header, items))
    assert [n for n, _ in again] == [n for n, _ in items]
    # Each item is kept whole (the padding after it may differ).
    assert all(b.startswith(a.rstrip(b"\0")) for (_, a), (_, b) in zip(items, again, strict=True))


def test_which_icu_items_stay() -> None:
    keep = slim._keep_icu_item
    trees, langs = slim.ICU_UNUSED_TREES, {"en", "es"}
    assert not keep("icudt73l/brkitr/thaidict.dict", trees, langs)
    assert not keep("icudt73l/curr/es.res", trees, langs)
    assert not keep("icudt73l/unames.icu", trees, langs)
    assert keep("icudt73l/coll/es.res", trees, langs)
    assert keep("icudt73l/coll/root.res", trees, langs)
    assert keep("icudt73l/coll/ucadata.icu", trees, langs)
    assert not keep("icudt73l/coll/zh.res", trees, langs)
    assert keep("icudt73l/zone/en_GB.res", trees, langs)
    assert not keep("icudt73l/zone/fr.res", trees, langs)
    assert keep("icudt73l/res_index.res", trees, langs)
    for shared in ("root.res", "pool.res", "zoneinfo64.res", "likelySubtags.res", "ucase.icu"):
        assert keep(f"icudt73l/{shared}", trees, langs), shared
    assert keep("icudt73l/gb18030.cnv", trees, langs)  # converters stay whole
    assert keep("icudt73l/fr.res", trees, None)  # no language list: every locale stays


def test_qt_gives_the_same_answers_on_the_slim_icu_data(tmp_path: Path) -> None:
    slim_lib = tmp_path / "icu" / _icudata().name
    saved = slim.slim_icu_data(_icudata(), slim_lib, languages={"en", "es"})
    assert saved > 15_000_000
    assert slim_lib.stat().st_size < _icudata().stat().st_size - saved + 100_000
    locales = ["en", "en_GB", "es", "es_MX", "en_US"]
    whole = _probe(locales)
    assert "Europe/Madrid" in whole
    assert _probe(locales, slim_lib.parent) == whole
    # The slim data was the one loaded: French time-zone names are gone from it.
    assert _probe(["fr"], slim_lib.parent) != _probe(["fr"])


def test_system_libraries_and_what_only_they_need_are_left_out() -> None:
    lib = Path("/lib/x86_64-linux-gnu")
    glib, pcre = lib / "libglib-2.0.so.0", lib / "libpcre2-8.so.0"
    fontconfig, expat = lib / "libfontconfig.so.1", lib / "libexpat.so.1"
    if not all(p.is_file() for p in (glib, pcre, fontconfig, expat)):
        pytest.skip("GLib, PCRE2, fontconfig and expat of a Debian-like system are needed")
    toc = [
        ("libglib-2.0.so.0", str(glib), "BINARY"),
        ("libpcre2-8.so.0", str(pcre), "BINARY"),  # only GLib links it
        ("libfontconfig.so.1", str(fontconfig), "BINARY"),  # not in the policy: stays
        ("libexpat.so.1", str(expat), "BINARY"),  # in the policy, though fontconfig links it
        ("somewheel.libs/libexpat.so.1", str(expat), "BINARY"),  # a wheel's own copy stays
        ("kapcompanion/_bundled/x.txt", __file__, "DATA"),
    ]
    kept = [d for d, _, _ in slim.drop_system_libs(toc)]
    assert kept == [
        "libfontconfig.so.1",
        "somewheel.libs/libexpat.so.1",
        "kapcompanion/_bundled/x.txt",
    ]
