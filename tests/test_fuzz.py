"""Fuzzing the parsers: generated practices agree from text to timeline to sound, and damaged
bytes into the loader and the journal's restore end in a located message, never a crash.

Practices are generated as YAML *text* (every step kind, nested repeats, durations written
as numbers and as ``90s`` / ``1m30s``), with the expected length worked out independently
from what was generated, so the loader and the compiler are checked against arithmetic, not
against themselves.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kapcompanion.core.loader import check_file, check_text
from kapcompanion.core.model import Practice
from kapcompanion.core.session import Session
from kapcompanion.core.timeline import compile_practice

GATE = 5.0  # the renderer's seconds per interactive step
BELL_DEFAULT = 6.0

halves = st.integers(1, 40).map(lambda n: n / 2)  # 0.5 .. 20 s in half seconds
breath_part = st.integers(2, 12).map(lambda n: n / 2)  # 1 .. 6 s
hold_part = st.one_of(st.just(0.0), breath_part)


def written(seconds: float) -> st.SearchStrategy[object]:
    """The same length written the ways a therapist might write it."""
    forms: list[object] = [seconds, f"{seconds:g}s"]
    if seconds >= 60 and seconds == int(seconds):
        m, s = divmod(int(seconds), 60)
        forms.append(f"{m}m{s}s" if s else f"{m}m")
    return st.sampled_from(forms)


@st.composite
def say(draw: st.DrawFn) -> tuple[dict, float]:
    d = draw(halves)
    text = draw(st.sampled_from(["Let your shoulders soften.", "مرحبا، تنفس ببطء 🌿", "Rest."]))
    return {"say": text, "duration": draw(written(d))}, d


@st.composite
def silence(draw: st.DrawFn) -> tuple[dict, float]:
    d = draw(st.sampled_from([1.0, 2.5, 30.0, 60.0, 90.0, 120.0]))
    step: dict = {"silence": draw(written(d))}
    if draw(st.booleans()):
        step["prompt"] = "Rest with whatever is here."
    return step, d


@st.composite
def bell(draw: st.DrawFn) -> tuple[dict, float]:
    name = draw(st.sampled_from(["soft-bell", "singing-bowl", "wood"]))
    if draw(st.booleans()):
        return {"bell": name}, BELL_DEFAULT
    d = draw(halves)
    return {"bell": name, "duration": draw(written(d))}, d


@st.composite
def breathe(draw: st.DrawFn) -> tuple[dict, float]:
    two_part = draw(st.booleans())
    inhale = [draw(breath_part), 1.0] if two_part else draw(breath_part)
    hold, exhale, hold_out = draw(hold_part), draw(breath_part), draw(hold_part)
    cycles = draw(st.integers(1, 6))
    spec: dict = {"inhale": inhale, "exhale": exhale, "cycles": cycles}
    if hold:
        spec["hold"] = hold
    if hold_out:
        spec["hold_out"] = hold_out
    if draw(st.booleans()):
        spec["cue"] = {"inhale": "rise", "exhale": "fall", "hold": "tick"}
    one = (sum(inhale) if isinstance(inhale, list) else inhale) + hold + exhale + hold_out
    return {"breathe": spec}, one * cycles


@st.composite
def gate(draw: st.DrawFn) -> tuple[dict, float]:
    kind = draw(st.sampled_from(["reflect", "check_in", "checklist"]))
    if kind == "reflect":
        return {"reflect": {"prompt": "What is here for you?", "save_as": "note"}}, GATE
    if kind == "check_in":
        return {
            "check_in": {"question": "How settled?", "save_as": "settled", "labels": ["a", "b"]}
        }, GATE
    return {"checklist": {"title": "Before", "items": ["One", "Two"]}}, GATE


plain_step = st.one_of(say(), silence(), bell(), breathe(), gate())


@st.composite
def repeat(draw: st.DrawFn, depth: int) -> tuple[dict, float]:
    times = draw(st.integers(1, 3))
    inner_steps = st.one_of(plain_step, repeat(depth - 1)) if depth > 1 else plain_step
    inner = draw(st.lists(inner_steps, min_size=1, max_size=3))
    return {"repeat": times, "steps": [s for s, _ in inner]}, times * sum(d for _, d in inner)


@st.composite
def practice_text(draw: st.DrawFn) -> tuple[str, float]:
    steps = draw(st.lists(st.one_of(plain_step, repeat(2)), min_size=1, max_size=6))
    doc = {
        "kapcompanion": 1,
        "id": "fuzzed",
        "title": draw(st.sampled_from(["Fuzzed", "שקט 🕊️", "A" * 300])),
        "category": draw(st.sampled_from(["prepare", "anytime", "integrate"])),
        "summary": "A generated practice.",
        "steps": [s for s, _ in steps],
    }
    if draw(st.booleans()):
        doc["sound"] = {"ambient": "rain", "ambient_volume": 0.3}
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), sum(d for _, d in steps)


def load_ok(text: str) -> Practice:
    item, diagnostics = check_text(text, "fuzzed.yaml")
    errors = [str(d) for d in diagnostics if d.is_error]
    assert errors == [], "\n".join(errors) + "\n" + text
    assert isinstance(item, Practice)
    return item


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(practice_text(), st.lists(st.floats(0, 1), min_size=5, max_size=5))
def test_generated_practices_load_and_compile_to_the_expected_timeline(
    generated: tuple[str, float], probes: list[float]
) -> None:
    text, expected = generated
    practice = load_ok(text)
    tl = compile_practice(practice, gate_seconds=GATE)
    assert tl.total == pytest.approx(expected, abs=1e-6)
    # segments tile the timeline with no gap or overlap
    t = 0.0
    for seg in tl.segments:
        assert seg.start == pytest.approx(t, abs=1e-6)
        t = seg.start + seg.duration
    assert t == pytest.approx(tl.total, abs=1e-6)
    times = [c.time for c in tl.cues]
    assert times == sorted(times) and all(0 <= x <= tl.total for x in times)
    # the session finds the segment that holds any time
    now = [0.0]
    session = Session(tl, lambda: now[0])
    session.play()
    for p in probes:
        now[0] = p * tl.total
        state = session.state()
        if state.segment is not None and not state.segment.gate:
            seg = state.segment
            assert seg.start - 1e-6 <= state.position <= seg.start + seg.duration + 1e-6


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(practice_text())
def test_render_agrees_with_the_timeline(tmp_path_factory, generated: tuple[str, float]) -> None:
    from kapcompanion.audio.render import TAIL, render_practice

    text, expected = generated
    practice = load_ok(text)
    if expected > 300:  # keep each example quick
        return
    out = render_practice(practice, tmp_path_factory.mktemp("r") / "fuzzed.wav", speak=False)
    info = sf.info(str(out))
    assert info.frames == round((expected + TAIL) * 44100)
    x, rate = sf.read(str(out), dtype="float32")
    tl = compile_practice(practice, gate_seconds=GATE)
    for cue in tl.cues[:5]:  # each cue is heard from its time on
        i = round(cue.time * rate)
        after = np.abs(x[i : i + rate // 5]).max() if i < len(x) else 0.0
        assert after > 1e-3, f"nothing heard at {cue.time:.2f}s ({cue.sound})"


# -- damaged input ---------------------------------------------------------------------------


def check_located(text_or_bytes: str | bytes, tmp: Path) -> None:
    """The loader returns a result and located problems, within a second, in little memory."""
    path = tmp / "damaged.yaml"
    path.write_bytes(
        text_or_bytes.encode("utf-8", "surrogatepass")
        if isinstance(text_or_bytes, str)
        else text_or_bytes
    )
    tracemalloc.start()
    try:
        item, diagnostics = check_file(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 2**20
    if item is None:
        assert diagnostics, "an unusable file must say why"
    for d in diagnostics:
        assert d.line >= 0 and d.col >= 0 and d.message
        assert str(path) in str(d)


@settings(max_examples=150, deadline=1000, suppress_health_check=[HealthCheck.too_slow])
@given(practice_text(), st.data())
def test_mutated_practices_give_located_messages(
    tmp_path_factory, generated: tuple[str, float], data: st.DataObject
) -> None:
    text, _ = generated
    raw = bytearray(text.encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 6))):
        op = data.draw(st.sampled_from(["flip", "insert", "delete", "truncate", "dup"]))
        if not raw:
            break
        i = data.draw(st.integers(0, len(raw) - 1))
        if op == "flip":
            raw[i] = data.draw(st.integers(0, 255))
        elif op == "insert":
            pieces = [b":", b"- ", b"\t", b"{", b"[", b"&a ", b"*a", b"!!python/object ", b"\n  "]
            raw[i:i] = data.draw(st.sampled_from([*pieces, b"\xff", b"'"]))
        elif op == "delete":
            del raw[i : i + data.draw(st.integers(1, 20))]
        elif op == "truncate":
            del raw[i:]
        else:
            raw[i:i] = raw[i : i + data.draw(st.integers(1, 200))]
    check_located(bytes(raw), tmp_path_factory.mktemp("m"))


@settings(max_examples=150, deadline=1000)
@given(st.binary(max_size=4096))
def test_random_bytes_give_located_messages(tmp_path_factory, blob: bytes) -> None:
    check_located(blob, tmp_path_factory.mktemp("b"))


@settings(max_examples=100, deadline=1000)
@given(st.text(max_size=2000))
def test_random_text_gives_located_messages(tmp_path_factory, text: str) -> None:
    check_located(text, tmp_path_factory.mktemp("t"))


# -- the journal's restore from a damaged backup ---------------------------------------------


@pytest.fixture(scope="module")
def backup_bytes(tmp_path_factory) -> bytes:
    from kapcompanion.journal.archive import make_archive
    from kapcompanion.journal.demo import fill_demo
    from kapcompanion.journal.store import JournalStore

    root = tmp_path_factory.mktemp("journal-root")
    store = JournalStore.open(root / "journal.sqlite3")
    fill_demo(store, 40)
    store.close()
    return make_archive(root.parent / "all.kapbackup", root).read_bytes()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_damaged_backups_are_refused_plainly(
    tmp_path_factory, backup_bytes: bytes, data: st.DataObject
) -> None:
    from kapcompanion.journal.archive import restore_archive
    from kapcompanion.journal.errors import JournalError

    raw = bytearray(backup_bytes)
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(raw) - 1))
        op = data.draw(st.sampled_from(["flip", "truncate", "zero"]))
        if op == "flip":
            raw[i] ^= data.draw(st.integers(1, 255))
        elif op == "truncate":
            del raw[max(1, i) :]
            break
        else:
            raw[i : i + 64] = bytes(len(raw[i : i + 64]))
    work = tmp_path_factory.mktemp("restore")
    damaged = work / "damaged.kapbackup"
    damaged.write_bytes(bytes(raw))
    root = work / "data"
    root.mkdir()
    (root / "keep.txt").write_text("already here")
    try:
        restore_archive(damaged, root)
    except JournalError as exc:
        assert str(exc)  # a message for the person
        assert (root / "keep.txt").read_text() == "already here"  # nothing already saved lost
