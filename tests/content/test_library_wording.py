"""The library's words: invitational, trauma-informed, plain, and true to its sources."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kapcompanion.core.library import Library
from kapcompanion.core.model import CheckInStep, Practice, ReflectStep, SayStep
from kapcompanion.resources import builtin_scripts

from .texts import all_text, english_only, step_texts

ROOT = Path(__file__).resolve().parents[2]

INVITATIONS = (
    "you might",
    "if it feels right",
    "if you like",
    "you can",
    "when you are ready",
    "if you want",
    "as best you can",
    "at your own pace",
)
#: Promises of cure, medical claims and commands a trauma-informed clinician would not sign.
FORBIDDEN = (
    r"\bcures?\b",
    r"\bheals? you\b",
    r"\bwill (?:fix|heal|cure)\b",
    r"\bguarantee",
    r"\b(?:treats?|treating|treatment for) (?:your |the )?(?:depression|anxiety|trauma|ptsd|pain)",
    r"\bdiagnos(?!is\b)",
    r"\byou should\b",
    r"\bdeep breath",
    r"\bbreathe deeply\b",
)
EYES_OPEN = ("eyes open", "open your eyes", "eyes can be open", "eyes can stay open", "your gaze")
WAY_BACK = ("look around", "feet on the floor", "sounds", "natural breath", "your hands")
INWARD = {
    "body-scan-short",
    "integration-body-scan",
    "calm-place",
    "container",
    "breath-awareness",
    "intention-setting",
}


@pytest.fixture(scope="module")
def library() -> Library:
    return english_only(Library.load(None))


@pytest.fixture(scope="module")
def readability() -> ModuleType:
    spec = importlib.util.spec_from_file_location("readability", ROOT / "tools" / "readability.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["readability"] = module
    spec.loader.exec_module(module)
    return module


def _practices(lib: Library) -> list[Practice]:
    return sorted(lib.practices.values(), key=lambda p: p.id)


def _guidance(p: Practice) -> str:
    return " ".join(step_texts(p)).lower()


def test_every_practice_invites_rather_than_commands(library: Library):
    for p in _practices(library):
        assert any(phrase in _guidance(p) for phrase in INVITATIONS), p.id


def test_no_promises_of_cure_medical_claims_or_shoulds(library: Library):
    found = {}
    for p in _practices(library):
        text = all_text(p).lower().replace("not what you should want", "")
        hits = [pattern for pattern in FORBIDDEN if re.search(pattern, text)]
        if hits:
            found[p.id] = hits
    assert found == {}


def test_eyes_closed_is_only_ever_offered_with_eyes_open(library: Library):
    for p in _practices(library):
        text = _guidance(p)
        if "close your eyes" in text or "eyes closed" in text:
            assert any(phrase in text for phrase in EYES_OPEN), p.id


def test_every_practice_gives_permission_to_stop_or_skip(library: Library):
    for p in _practices(library):
        text = (p.safety + " " + p.description + " " + _guidance(p)).lower()
        assert "stop" in text or "skip" in text, p.id


@pytest.mark.parametrize("pid", sorted(INWARD))
def test_inward_practices_offer_eyes_open_and_a_way_back_to_the_room(library: Library, pid: str):
    p = library.practice(pid)
    text = (p.safety + " " + _guidance(p)).lower()
    assert any(phrase in text for phrase in EYES_OPEN), pid
    assert any(phrase in text for phrase in WAY_BACK), pid
    assert "stop" in text or "skip" in text, pid


def test_the_neuroplasticity_window_is_called_a_hypothesis(library: Library):
    texts = [all_text(p) for p in library.practices.values()]
    texts += [g.description for g in library.programs.values()]
    mentions = [t for t in texts if "openness to change" in t]
    assert mentions and all("hypothesis" in t for t in mentions)


def test_session_day_notes_say_no_driving_and_no_holds(library: Library):
    before = next(d for d in library.programs["week-before"].days if d.day == 0)
    after = next(d for d in library.programs["week-after"].days if d.day == 0)
    assert "no holds" in before.note
    assert "drive" in after.note and "night's sleep" in after.note
    assert "night's sleep" in " ".join(library.practice("landing").safety.split())


# -- integration prompts and the WHO-5 -----------------------------------------------------

#: The brief's integration prompts, by a phrase each must keep.
INTEGRATION_PROMPTS = (
    "stood out most",
    "your intention",
    "emotions came",
    "difficult or confusing",
    "how you treat yourself",
    "people in your life",
    "matter most",
    "small, concrete step",
    "next 7 days",
    "sleep, eating and movement",
    "something larger",
    "fading, and what do you want to keep",
    "what support do you need",
    "one week on, what has changed",
    "bring to your next integration session",
)


def test_reflection_prompts_follow_the_brief(library: Library):
    prompts = " ".join(
        s.prompt.lower()
        for p in library.practices.values()
        if p.category == "integrate"
        for s in p.steps
        if isinstance(s, ReflectStep)
    )
    assert [phrase for phrase in INTEGRATION_PROMPTS if phrase not in prompts] == []


WHO5_ITEMS = (
    "I have felt cheerful and in good spirits",
    "I have felt calm and relaxed",
    "I have felt active and vigorous",
    "I woke up feeling fresh and rested",
    "My daily life has been filled with things that interest me",
)


def test_who5_keeps_the_exact_items_scale_ends_and_credit(library: Library):
    p = library.practice("who5-weekly")
    checks = [s for s in p.steps if isinstance(s, CheckInStep)]
    assert [s.save_as for s in checks] == [f"who5_{i}" for i in range(1, 6)]
    for step, item in zip(checks, WHO5_ITEMS, strict=True):
        assert step.question == f"Over the last two weeks: {item}."
        assert step.labels == ("at no time", "all of the time")
    assert p.evidence is not None
    assert any("Psychiatric Center North Zealand" in s for s in p.evidence.sources)


def test_who5_scoring_is_explained_in_the_description_and_aloud(library: Library):
    p = library.practice("who5-weekly")
    description = " ".join(p.description.split())
    for phrase in ("0 to 10", "halved", "multiplied by 4", "0 to 100", "50 or lower", "10 points"):
        assert phrase in description, phrase
    said = " ".join(s.text for s in p.steps if isinstance(s, SayStep))
    assert "add up your five answers and double" in said
    assert "50 or lower" in said and "not a diagnosis" in said


def test_who5_score_rule_matches_the_original_scale():
    # The rule the practice states: sum of 0-10 answers x 2 == (sum of answers / 2) x 4,
    # and all-top answers give 100, the original's maximum (5 items x 5 x 4).
    answers = [10, 10, 10, 10, 10]
    assert sum(answers) * 2 == sum(a / 2 for a in answers) * 4 == 5 * 5 * 4


# -- readability ------------------------------------------------------------------------------


def test_syllable_heuristic_counts_common_words_right(readability: ModuleType):
    words = {"gentle": 2, "breathe": 1, "notice": 2, "body": 2, "curious": 3, "integration": 4}
    assert {w: readability.syllables(w) for w in words} == words


def test_readability_formula_matches_flesch_kincaid_by_hand(readability: ModuleType):
    counts = readability.count("The cat sat on the mat. The dog ran far away.")
    assert (counts.words, counts.sentences, counts.syllables) == (11, 2, 12)
    assert counts.grade == pytest.approx(0.39 * 11 / 2 + 11.8 * 12 / 11 - 15.59)


def test_the_library_reads_at_a_twelve_year_olds_level(readability: ModuleType):
    rows = readability.rows([builtin_scripts()])
    assert len(rows) >= 19
    for row in rows:
        assert row.guidance.grade <= 6.0, row.practice.id
        assert row.everything.grade <= 7.0, row.practice.id
        assert row.everything.ease >= 70.0, row.practice.id
