"""The built-in library says and times what the content brief asks, not only that it parses."""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from pathlib import Path

import pytest

from kapcompanion.cli import main
from kapcompanion.core.library import Library, yaml_files
from kapcompanion.core.loader import load_file
from kapcompanion.core.model import (
    BREATH_PHASES,
    BellStep,
    BreatheStep,
    CheckInStep,
    Phase,
    Practice,
    Program,
    ReflectStep,
    SayStep,
    SilenceStep,
)
from kapcompanion.core.text import placeholders
from kapcompanion.core.timeline import compile_practice
from kapcompanion.core.validate import validate_paths
from kapcompanion.resources import builtin_scripts

from .texts import all_text, english_only, step_texts

SCRIPTS = builtin_scripts()
#: The English originals live at scripts/<category>/<id>.yaml; translations one level
#: deeper (scripts/es/...) and are checked in test_spanish.py.
FILES = [p for p in yaml_files(SCRIPTS) if len(p.relative_to(SCRIPTS).parts) == 2]

#: The 19 practices of the content brief, with their categories.
BRIEF_PRACTICES = {
    "intention-setting": "prepare",
    "cyclic-sigh": "prepare",
    "exhale-4-6": "prepare",
    "body-scan-short": "prepare",
    "calm-place": "prepare",
    "breath-awareness": "prepare",
    "grounding-54321": "anytime",
    "orienting": "anytime",
    "feet-and-hands": "anytime",
    "sigh-reset": "anytime",
    "box-breathing": "anytime",
    "breathing-4-7-8": "anytime",
    "container": "anytime",
    "landing": "integrate",
    "coherent-breathing": "integrate",
    "integration-body-scan": "integrate",
    "guided-journaling": "integrate",
    "values-compass": "integrate",
    "who5-weekly": "integrate",
}

#: Brief table: (inhale parts, hold, exhale, hold_out, cycle s, cycles, total s).
BREATH_PROTOCOLS = {
    "cyclic-sigh": ((3, 1), 0, 6, 0, 10, 30, 300),
    "sigh-reset": ((3, 1), 0, 6, 0, 10, 3, 30),
    "exhale-4-6": ((4,), 0, 6, 0, 10, 30, 300),
    "coherent-breathing": ((5.5,), 0, 5.5, 0, 11, 55, 600),
    "box-breathing": ((4,), 4, 4, 4, 16, 19, 300),
    "breathing-4-7-8": ((4,), 7, 8, 0, 19, 4, 80),
}

#: Brief totals (seconds) of the practices without a pacer.
UNPACED_TOTALS = {
    "grounding-54321": 190,
    "orienting": 200,
    "feet-and-hands": 120,
    "body-scan-short": 420,
    "calm-place": 360,
    "container": 300,
    "breath-awareness": 300,
    "cyclic-sigh-self-paced": 300,
}

HOLD_PRACTICES = {"box-breathing", "breathing-4-7-8"}
MAX_HOLD = 8.0
GROUNDING_IN_THE_ROOM = {"grounding-54321", "orienting", "feet-and-hands", "landing"}


@pytest.fixture(scope="module")
def library() -> Library:
    lib = Library.load(None)
    assert lib.problems == []
    return english_only(lib)


def _practices(lib: Library) -> list[Practice]:
    return sorted(lib.practices.values(), key=lambda p: p.id)


def _breath_segments(p: Practice) -> list:
    return [s for s in compile_practice(p).segments if s.phase in BREATH_PHASES]


# -- files, ids, categories ---------------------------------------------------------------


def test_the_whole_library_validates_with_no_errors_and_no_warnings():
    assert FILES, "no practice files found"
    assert validate_paths([SCRIPTS]) == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_file_loads_and_lives_where_its_id_and_category_say(path: Path):
    item = load_file(path)
    assert path.stem == item.id
    assert item.author == "KAP Companion" and item.language == "en"
    assert item.summary and item.description
    if isinstance(item, Program):
        assert path.parent.name == "programs"
    else:
        assert path.parent.name == item.category
        assert item.tags


def test_ids_are_unique_across_all_files():
    ids = defaultdict(list)
    for path in FILES:
        ids[load_file(path).id].append(path.name)
    assert {i: names for i, names in ids.items() if len(names) > 1} == {}


def test_every_practice_of_the_brief_is_there_in_its_category(library: Library):
    got = {pid: library.practice(pid).category for pid in BRIEF_PRACTICES}
    assert got == BRIEF_PRACTICES
    assert len(library.practices) >= 19
    assert {p.category for p in library.practices.values()} == {"prepare", "anytime", "integrate"}
    assert {"week-before", "week-after"} <= set(library.programs)


def test_kapcompanion_list_shows_the_library(capsys: pytest.CaptureFixture[str]):
    assert main(["list", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    builtin = [p for p in shown["practices"] if p["origin"] == "built-in"]
    assert len(builtin) >= 19
    assert {p["category"] for p in builtin} == {"prepare", "anytime", "integrate"}
    assert {g["id"] for g in shown["programs"]} >= {"week-before", "week-after"}


def test_kapcompanion_validate_scripts_is_clean(capsys: pytest.CaptureFixture[str]):
    assert main(["validate", str(SCRIPTS)]) == 0
    out = capsys.readouterr()
    assert "warning" not in out.out + out.err and "error" not in out.out + out.err


# -- timing -------------------------------------------------------------------------------


@pytest.mark.parametrize("pid", sorted(BREATH_PROTOCOLS))
def test_breath_practice_has_the_brief_pattern_cycle_and_total(library: Library, pid: str):
    inhale, hold, exhale, hold_out, cycle, cycles, total = BREATH_PROTOCOLS[pid]
    practice = library.practice(pid)
    steps = [s for s in practice.steps if isinstance(s, BreatheStep)]
    assert len(steps) == 1
    pattern = steps[0].pattern
    assert (pattern.inhale, pattern.hold, pattern.exhale, pattern.hold_out) == (
        inhale,
        hold,
        exhale,
        hold_out,
    )
    segments = _breath_segments(practice)
    per_cycle: dict[int, float] = defaultdict(float)
    for s in segments:
        per_cycle[s.cycle] += s.duration
    assert len(per_cycle) == cycles
    assert all(abs(length - cycle) < 1e-6 for length in per_cycle.values())
    paced = segments[-1].end - segments[0].start
    assert abs(paced - total) <= 0.05 * total + 1e-9, f"{pid}: {paced} s paced, brief {total} s"
    assert compile_practice(practice).total < paced + 120, "intro and close stay short"


@pytest.mark.parametrize("pid", sorted(UNPACED_TOTALS))
def test_unpaced_practice_lasts_what_the_brief_says(library: Library, pid: str):
    total = compile_practice(library.practice(pid)).total
    want = UNPACED_TOTALS[pid]
    assert abs(total - want) <= 0.05 * want, f"{pid}: {total} s, brief {want} s"


def test_grounding_54321_gives_fifteen_items_of_ten_seconds(library: Library):
    steps = library.practice("grounding-54321").steps
    items = [s for s in steps if isinstance(s, SayStep | SilenceStep) and s.duration == 10]
    assert len(items) == 5 + 4 + 3 + 2 + 1


def test_short_body_scan_visits_twelve_regions_of_thirty_seconds(library: Library):
    steps = library.practice("body-scan-short").steps
    regions = [
        (a, b)
        for a, b in itertools.pairwise(steps)
        if isinstance(a, SayStep) and isinstance(b, SilenceStep) and a.duration + b.duration == 30
    ]
    assert len(regions) == 12


# -- holds and safety ---------------------------------------------------------------------


def test_no_hold_over_eight_seconds_and_holds_only_in_box_and_4_7_8(library: Library):
    with_holds = set()
    for p in _practices(library):
        holds = [s for s in _breath_segments(p) if s.phase in (Phase.HOLD, Phase.HOLD_OUT)]
        assert all(s.duration <= MAX_HOLD for s in holds), p.id
        if holds:
            with_holds.add(p.id)
    assert with_holds == HOLD_PRACTICES


STOP_RULE_WORDS = (
    "gently, not deeply",
    "dizzy",
    "tingly",
    "short of air",
    "chest pain",
    "panic",
    "natural breath",
    "sitting or lying down",
    "driving",
    "water",
)


def _has_stop_rules(text: str) -> list[str]:
    text = " ".join(text.lower().split())
    for said, rule in (
        ("pain in your chest", "chest pain"),
        ("seated or lying", "sitting or lying down"),
        ("normal breath", "natural breath"),
    ):
        text = text.replace(said, rule)
    return [w for w in STOP_RULE_WORDS if w not in text]


@pytest.mark.parametrize("pid", sorted(BREATH_PROTOCOLS))
def test_breath_practice_states_the_stop_rules_before_the_first_breath(library: Library, pid: str):
    practice = library.practice(pid)
    assert _has_stop_rules(practice.safety) == []
    first = next(i for i, s in enumerate(practice.steps) if isinstance(s, BreatheStep))
    before = " ".join(s.text for s in practice.steps[:first] if isinstance(s, SayStep))
    assert _has_stop_rules(before) == []


def test_every_breath_practice_in_the_library_has_stop_rules(library: Library):
    paced = [p for p in _practices(library) if p.has_breathing]
    assert {p.id for p in paced} >= set(BREATH_PROTOCOLS)
    assert {p.id: _has_stop_rules(p.safety) for p in paced if _has_stop_rules(p.safety)} == {}


def test_breath_guidance_never_asks_for_deep_breaths(library: Library):
    for p in _practices(library):
        text = all_text(p).lower().replace("not deeply", "")
        text = text.replace("don't need to slow it or deepen it", "")
        assert "deep" not in text, p.id


def test_holds_are_described_as_skippable_and_kept_off_the_session_day(library: Library):
    for pid in HOLD_PRACTICES:
        p = library.practice(pid)
        assert "skip" in p.safety and "session" in p.safety, pid
        assert "skip" in " ".join(step_texts(p)).lower(), pid


def test_breath_cues_rise_on_the_inhale_fall_on_the_exhale_and_tick_on_holds(library: Library):
    for p in _practices(library):
        for step in p.steps:
            if isinstance(step, BreatheStep):
                assert (step.cues.inhale, step.cues.exhale) == ("rise", "fall"), p.id
                if step.pattern.hold:
                    assert step.cues.hold == "tick", p.id
                if step.pattern.hold_out:
                    assert step.cues.hold_out == "tick", p.id


def test_sound_is_gentle_and_grounding_practices_keep_the_room_in_front(library: Library):
    for p in _practices(library):
        assert isinstance(p.steps[0], BellStep) and p.steps[0].sound == "soft-bell", p.id
        assert isinstance(p.steps[-1], BellStep) and p.steps[-1].sound == "soft-bell", p.id
        if p.sound.ambient is not None:
            assert 0.2 <= p.sound.ambient_volume <= 0.35, p.id
    for pid in GROUNDING_IN_THE_ROOM:
        assert library.practice(pid).sound.ambient is None, pid


# -- evidence -------------------------------------------------------------------------------

#: Sources the brief names for each practice, and the level it implies where it says one.
BRIEF_SOURCES = {
    "cyclic-sigh": (None, ["Balban"]),
    "sigh-reset": (None, ["Balban"]),
    "exhale-4-6": (None, ["You et al"]),
    "coherent-breathing": ("emerging", ["Lehrer", "Fincham"]),
    "box-breathing": (None, ["Balban"]),
    "breathing-4-7-8": ("traditional", ["Weil"]),
    "breath-awareness": (None, ["Balban"]),
    "body-scan-short": (None, ["Treleaven"]),
    "calm-place": (None, ["Treleaven"]),
    "container": (None, ["Treleaven"]),
    "integration-body-scan": (None, ["Bathje", "Treleaven"]),
    "guided-journaling": (None, ["Bathje"]),
    "values-compass": (None, ["Mathai"]),
    "who5-weekly": (None, ["Psychiatric Center North Zealand"]),
    "intention-setting": (None, ["Garel"]),
    "landing": (None, ["Treleaven"]),
}


def test_every_practice_has_an_evidence_level_and_sources(library: Library):
    for p in _practices(library):
        assert p.evidence is not None and p.evidence.sources, p.id


@pytest.mark.parametrize("pid", sorted(BRIEF_SOURCES))
def test_practice_cites_the_sources_the_brief_gives(library: Library, pid: str):
    level, names = BRIEF_SOURCES[pid]
    evidence = library.practice(pid).evidence
    assert evidence is not None
    cited = " ".join(evidence.sources)
    assert [n for n in names if n not in cited] == []
    if level:
        assert evidence.level == level


# -- placeholders and programs -------------------------------------------------------------


def test_every_placeholder_is_saved_earlier_or_by_another_practice(library: Library):
    saved_anywhere = {n for p in library.practices.values() for n in p.saved_names}
    for p in _practices(library):
        assert set(p.uses) <= saved_anywhere, f"{p.id} uses names nothing saves"
        saved: set[str] = set()
        for step in p.steps:
            for text in step_texts(p, [step]):
                missing = [n for n in placeholders(text) if n not in saved and n not in p.uses]
                assert missing == [], f"{p.id}: {missing} not saved before use"
            if isinstance(step, ReflectStep | CheckInStep) and step.save_as:
                saved.add(step.save_as)


def test_the_intention_is_saved_once_and_read_back_after_the_session(library: Library):
    assert library.practice("intention-setting").saved_names[0] == "intention"
    readers = {p.id for p in library.practices.values() if "intention" in p.uses}
    assert {"guided-journaling", "integration-body-scan", "values-compass"} <= readers
    for pid in readers:
        assert p_mentions(library.practice(pid), "{intention}"), pid


def p_mentions(p: Practice, needle: str) -> bool:
    return needle in " ".join(step_texts(p))


@pytest.mark.parametrize(
    ("pid", "days", "when"),
    [("week-before", range(-7, 1), "before"), ("week-after", range(0, 8), "after")],
)
def test_program_covers_its_week_with_existing_practices(
    library: Library, pid: str, days: range, when: str
):
    program = library.programs[pid]
    assert sorted({d.day for d in program.days}) == list(days)
    for d in program.days:
        assert d.practices and d.note, (pid, d.day)
        assert all(i in library.practices for i in d.practices), (pid, d.day)
        if d.day == 0:
            assert d.when == when


@pytest.mark.parametrize("pid", ["week-before", "week-after"])
def test_the_session_day_offers_only_gentle_practices_without_holds(library: Library, pid: str):
    program = library.programs[pid]
    day0 = [i for d in program.days if d.day == 0 for i in d.practices]
    assert day0
    for i in day0:
        practice = library.practice(i)
        assert not any(
            s.phase in (Phase.HOLD, Phase.HOLD_OUT) for s in _breath_segments(practice)
        ), i
        assert "holds" not in practice.tags, i


# -- the printable table ------------------------------------------------------------------

DOC = Path(__file__).resolve().parents[2] / "docs" / "library.md"


def test_docs_table_lists_every_practice_with_its_length_and_evidence(library: Library):
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and "(`" in cells[0]:
            rows[cells[0].split("(`")[1].rstrip("`)")] = cells
    assert set(rows) == set(library.practices)
    for pid, (_, category, length, purpose, level, sources) in rows.items():
        p = library.practice(pid)
        minutes, seconds = divmod(round(compile_practice(p).total), 60)
        assert length.startswith(f"{minutes}:{seconds:02d}"), (pid, length)
        assert category == p.category and purpose, pid
        assert p.evidence is not None and level == p.evidence.level, pid
        assert all(source in sources for source in p.evidence.sources), pid
