"""Make the Linux bundle smaller without taking out anything the app uses.

Three steps, each applied to PyInstaller's table of binaries (``a.binaries``) by
``kapcompanion-linux.spec``; ``docs/packaging.md`` has what each saves:

* :func:`drop_system_libs`: the libraries that the manylinux policy (PEP 600, the list in
  ``auditwheel``'s ``manylinux-policy.json``) assumes every Linux system provides, and
  that every manylinux wheel the bundle carries (Qt's included) already takes from the
  system: libstdc++, libgcc_s, libX11, GLib, zlib, expat, glibc's libmvec… Plus the
  libraries only those needed.
* :func:`strip_symbols`: symbol tables and debug information out of the binaries that
  carry them (not the wheels' relocated ``*.libs``: stripping OpenBLAS breaks it).
* :func:`slim_icu`: Qt's ICU data (``libicudata``, 32 MB) without the parts that none of
  the ICU functions Qt calls ever reads: break-iterator dictionaries, and the display
  names of units, currencies, languages and regions, transliteration and spelled-out
  numbers. Collation, case mapping, time zones and character converters stay whole.
"""

from __future__ import annotations

import logging
import re
import shutil
import struct
import subprocess
from pathlib import Path

log = logging.getLogger(__name__)

Toc = list[tuple[str, str, str]]

#: In the manylinux policy's ``lib_whitelist`` (the same for manylinux_2_28 to _2_39): a
#: wheel must not carry these, the system has them. The bundle needs glibc 2.36 or newer
#: (it is built on Debian 12), and manylinux_2_36 assumes the system's libstdc++ has
#: GLIBCXX_3.4.30, the newest the bundle's binaries ask for (PySide6's).
POLICY_LIBS = frozenset({
    "libGL.so.1", "libICE.so.6", "libSM.so.6", "libX11.so.6", "libXext.so.6",
    "libXrender.so.1", "libanl.so.1", "libatomic.so.1", "libc.so.6", "libdl.so.2",
    "libexpat.so.1", "libgcc_s.so.1", "libglib-2.0.so.0", "libgobject-2.0.so.0",
    "libgthread-2.0.so.0", "libm.so.6", "libmvec.so.1", "libnsl.so.1", "libpthread.so.0",
    "libresolv.so.2", "librt.so.1", "libstdc++.so.6", "libutil.so.1", "libz.so.1",
})  # fmt: skip

#: libxcb's own dependencies. PyInstaller already leaves libxcb.so.1 to the system (its
#: exclude list), but it collected these two; nothing in the bundle links them.
XCB_DEPS = frozenset({"libXau.so.6", "libXdmcp.so.6"})

#: Trees of ICU's data that Qt never reads. Qt Core calls only u_strToLower/Upper (case
#: data), ucal_open/getCanonicalTimeZoneID/getTimeZoneDisplayName (calendar and time-zone
#: data, the "zone" tree), ucnv_* (converters) and ucol_* (the "coll" tree): the list of
#: ICU functions that Qt's libraries import (``readelf --dyn-syms``); no other library in
#: the bundle links ICU. None of these reads the trees below.
ICU_UNUSED_TREES = ("brkitr", "curr", "lang", "rbnf", "region", "translit", "unit")


def _needed(path: str) -> list[str]:
    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=False)
    return re.findall(r"\(NEEDED\).*\[(.+?)\]", out.stdout)


def drop_system_libs(toc: Toc) -> Toc:
    """``toc`` without :data:`POLICY_LIBS`, :data:`XCB_DEPS` and what only they needed.

    Only libraries at the top of the bundle (the system libraries PyInstaller collected)
    go; a wheel's own copies (``numpy.libs/…``, ``PySide6/Qt/lib/…``) stay.
    """
    if shutil.which("readelf") is None:
        log.warning("readelf is missing: the system libraries stay in the bundle")
        return toc

    def top(dest: str) -> bool:
        return "/" not in dest and "\\" not in dest

    drop = {d for d, _, kind in toc if kind == "BINARY" and top(d) and d in POLICY_LIBS | XCB_DEPS}
    needs = {d: set(_needed(s)) for d, s, kind in toc if kind in ("BINARY", "EXTENSION")}
    # Then whatever only the dropped libraries linked (pcre2 for GLib, libbsd for Xdmcp…).
    while True:
        kept_needs = set().union(*(n for d, n in needs.items() if d not in drop))
        dropped_needs = set().union(*(n for d, n in needs.items() if d in drop))
        more = {
            d for d in needs
            if top(d) and d not in drop and d in dropped_needs and d not in kept_needs
        }  # fmt: skip
        if not more:
            break
        drop |= more
    log.info("left to the system: %s", ", ".join(sorted(drop)))
    return [entry for entry in toc if entry[0] not in drop]


def _has_symbols(path: str) -> bool:
    out = subprocess.run(["readelf", "-S", "-W", path], capture_output=True, text=True,
                         check=False)  # fmt: skip
    return " .symtab " in out.stdout or " .debug_info " in out.stdout


def strip_symbols(toc: Toc, work: Path) -> Toc:
    """Use copies without symbol tables or debug information of the binaries that have them.

    ``strip --strip-unneeded`` keeps every symbol another library or ``dlopen`` looks up
    (the dynamic ones); only the local symbol table and debug sections go. The relocated
    libraries of the wheels (``numpy.libs``, ``pygame.libs`` …) are left alone: stripping
    OpenBLAS breaks it ("ELF load command address/offset not page-aligned").
    """
    tool = shutil.which("strip")
    if tool is None or shutil.which("readelf") is None:
        log.warning("strip or readelf is missing: binaries keep their symbols")
        return toc
    out = []
    for dest, src, kind in toc:
        folder = Path(dest).parent.name
        if (
            kind in ("BINARY", "EXTENSION")
            and not folder.endswith(".libs")
            and "icudata" not in dest
            and _has_symbols(src)
        ):
            copy = work / "stripped" / dest
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, copy)
            subprocess.run([tool, "--strip-unneeded", str(copy)], check=True)
            src = str(copy)
        out.append((dest, src, kind))
    return out


def _icu_symbol(path: Path) -> tuple[str, int, int]:
    """(name, file offset, size) of the ``icudtNN_dat`` symbol in ``libicudata``."""
    syms = subprocess.run(["readelf", "--dyn-syms", "-W", str(path)], capture_output=True,
                          text=True, check=True).stdout  # fmt: skip
    found = re.search(r":\s+([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL.*\s(icudt\d+_dat)$",
                      syms, re.MULTILINE)  # fmt: skip
    if not found:
        raise ValueError(f"no icudt*_dat symbol in {path}")
    address, size = int(found.group(1), 16), int(found.group(2), 0)
    sections = subprocess.run(["readelf", "-S", "-W", str(path)], capture_output=True,
                              text=True, check=True).stdout  # fmt: skip
    for line in sections.splitlines():
        cols = re.sub(r"^\s*\[\s*\d+\]\s*", "", line).split()
        if len(cols) >= 5 and cols[1] == "PROGBITS" and re.fullmatch(r"[0-9a-f]{16}", cols[2]):
            start, offset, length = int(cols[2], 16), int(cols[3], 16), int(cols[4], 16)
            if start <= address < start + length:
                return found.group(3), offset + address - start, size
    raise ValueError(f"the section of {found.group(3)} is not found in {path}")


def icu_package_items(data: bytes) -> list[tuple[str, bytes]]:
    """The items (name, bytes) of an ICU common data package (``icudtNNl.dat``)."""
    header = struct.unpack_from("<H", data, 0)[0]
    count = struct.unpack_from("<I", data, header)[0]
    entries = [struct.unpack_from("<II", data, header + 4 + 8 * i) for i in range(count)]
    items = []
    for i, (name_at, data_at) in enumerate(entries):
        start = header + name_at
        name = data[start : data.index(b"\0", start)].decode("ascii")
        end = header + entries[i + 1][1] if i + 1 < count else len(data)
        items.append((name, data[header + data_at : end]))
    return items


def icu_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """An ICU common data package of ``items`` (in the order given: ICU's, sorted)."""

    def pad(n: int) -> int:
        return (n + 15) & ~15

    names = b"".join(name.encode("ascii") + b"\0" for name, _ in items)
    toc_len = 4 + 8 * len(items)
    names_at = toc_len
    first_item = pad(len(header) + names_at + len(names)) - len(header)
    toc = bytearray(struct.pack("<I", len(items)))
    body = bytearray()
    name_at = names_at
    for name, blob in items:
        toc += struct.pack("<II", name_at, first_item + len(body))
        name_at += len(name) + 1
        body += blob + b"\0" * (pad(len(blob)) - len(blob))
    out = bytearray(header) + toc + names
    out += b"\0" * (len(header) + first_item - len(out))
    return bytes(out + body)


#: ICU items that are one locale's data ("es_MX.res", in the main, coll and zone trees):
#: two or three letters first; the other items (root.res, pool.res, zoneinfo64.res,
#: supplementalData.res, likelySubtags.res…) have longer names.
LOCALE_ITEM = re.compile(r"^([a-z]{2,3})(_[A-Za-z0-9]+)*\.res$")


def _keep_icu_item(name: str, drop_trees: tuple[str, ...], languages: set[str] | None) -> bool:
    parts = name.split("/")  # icudt73l/coll/es.res, icudt73l/root.res
    if len(parts) > 2 and parts[1] in drop_trees:
        return False
    if parts[-1] == "unames.icu":  # Unicode character names: u_charName, which Qt never calls
        return False
    locale = LOCALE_ITEM.match(parts[-1])
    if parts[-1] == "res_index.res":  # each tree's list of its locales
        return True
    return languages is None or locale is None or locale.group(1) in languages


def slim_icu_data(
    source: Path,
    out: Path,
    drop_trees: tuple[str, ...] = ICU_UNUSED_TREES,
    languages: set[str] | None = None,
) -> int:
    """Write ``out``: ``source`` (a ``libicudata.so``) without the ICU trees ``drop_trees``.

    With ``languages`` (``{"en", "es"}``), the locale data of other languages goes too:
    Qt asks ICU only about the app's own locale (``QLocale.setDefault``: collation, case
    mapping and time-zone names follow it); for any other, ICU falls back to its root
    data, as it does for a language it has never heard of.

    Returns the bytes saved. The new library has the same SONAME and one symbol, as
    Qt's: the data, assembled with binutils' ``as`` and linked with ``ld``.
    """
    symbol, offset, size = _icu_symbol(source)
    raw = source.read_bytes()
    data = raw[offset : offset + size]
    header = data[: struct.unpack_from("<H", data, 0)[0]]
    items = icu_package_items(data)
    kept = [(n, b) for n, b in items if _keep_icu_item(n, drop_trees, languages)]
    package = icu_package(header, kept)
    soname = re.search(rb"libicudata\.so\.\d+", raw)
    if soname is None:
        raise ValueError(f"no SONAME in {source}")
    build = out.parent / "icu-build"
    build.mkdir(parents=True, exist_ok=True)
    (build / "icudata.bin").write_bytes(package)
    (build / "icudata.s").write_text(
        f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n"
        f'\t.balign 16\n{symbol}:\n\t.incbin "{build / "icudata.bin"}"\n'
        f'\t.size {symbol}, . - {symbol}\n\t.section .note.GNU-stack,"",@progbits\n',
        "ascii",
    )
    subprocess.run(["as", "-o", str(build / "icudata.o"), str(build / "icudata.s")], check=True)
    subprocess.run(
        ["ld", "-shared", "-soname", soname.group().decode(), "--hash-style=gnu",
         "-z", "noexecstack", "-o", str(out), str(build / "icudata.o")],
        check=True,
    )  # fmt: skip
    log.info("ICU data: %d of %d items kept, %d bytes less", len(kept), len(items),
             len(data) - len(package))  # fmt: skip
    return len(data) - len(package)


def slim_icu(toc: Toc, work: Path, languages: set[str] | None = None) -> Toc:
    """``toc`` with Qt's ``libicudata`` replaced by :func:`slim_icu_data`'s smaller one."""
    if not all(shutil.which(t) for t in ("readelf", "as", "ld")):
        log.warning("binutils (readelf, as, ld) are missing: Qt's ICU data stays whole")
        return toc
    out = []
    for dest, src, kind in toc:
        if re.search(r"(^|[/\\])libicudata\.so\.\d+$", dest):
            slim = work / "icu" / Path(dest).name
            slim_icu_data(Path(src), slim, languages=languages)
            src = str(slim)
        out.append((dest, src, kind))
    return out
