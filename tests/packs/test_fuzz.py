"""Damaged packs: any flipped bytes give a plain refusal (or, where harmless, the same
import), never a traceback and never a partial import."""

from __future__ import annotations

import contextlib
import shutil

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kapcompanion.core.packs import PackError, import_pack, inspect_pack
from kapcompanion.core.packs.signing import SigningKey
from kapcompanion.paths import data_folders, packs_dir

from .helpers import BUILTIN, pack_files, signed_zip, snapshot

KEY = SigningKey.generate("Sam Rivera")
FILES = pack_files()  # once: OGG encoding picks a random stream serial each time


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_flipped_bytes_never_crash_or_leave_a_partial_import(tmp_path, data):
    good = tmp_path / "good.kappack"
    if not good.exists():
        signed_zip(good, FILES, KEY)
    raw = bytearray(good.read_bytes())
    flips = data.draw(
        st.lists(
            st.tuples(st.integers(0, len(raw) - 1), st.integers(1, 255)), min_size=1, max_size=4
        )
    )
    for pos, mask in flips:
        raw[pos] ^= mask
    bad = tmp_path / "bad.kappack"
    bad.write_bytes(bytes(raw))
    shutil.rmtree(packs_dir(), ignore_errors=True)
    before = snapshot()
    with contextlib.suppress(PackError):
        inspect_pack(bad, data_folders())
    try:
        result = import_pack(bad, data_folders(), known_ids=BUILTIN, confirm=lambda info: True)
    except PackError as exc:
        assert str(exc)
        assert snapshot() == before
        return
    # Accepted: only harmless bytes changed (timestamps, comments), so the files are exact.
    folder = result.folder
    assert folder is not None
    for name, content in FILES.items():
        assert (folder / name).read_bytes() == content
