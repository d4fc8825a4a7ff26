"""The Spanish library: complete, timed like the English, in one voice (tú), safe and plain."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kapcompanion.core.library import Library, yaml_files
from kapcompanion.core.loader import check_file, load_file
from kapcompanion.core.model import (
    BreatheStep,
    CheckInStep,
    ChecklistStep,
    Practice,
    Program,
    ReflectStep,
    SayStep,
)
from kapcompanion.core.text import placeholders
from kapcompanion.core.timeline import compile_practice
from kapcompanion.core.validate import validate_paths
from kapcompanion.resources import builtin_scripts

from .texts import all_text, step_texts

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = builtin_scripts()
SPANISH = SCRIPTS / "es"
ES_FILES = list(yaml_files(SPANISH))
CATEGORIES = ("prepare", "anytime", "integrate")
#: Every English built-in practice, by category: each must have a Spanish twin.
ENGLISH_BY_CATEGORY = {c: sorted(p.stem for p in (SCRIPTS / c).glob("*.yaml")) for c in CATEGORIES}
PROGRAMS_EN = sorted(p.stem for p in (SCRIPTS / "programs").glob("*.yaml"))

#: Usted forms (and vosotros, a regionalism) that must not appear in a tú library.
USTED = (
    r"\busted(es)?\b",
    r"\bsu (respiración|cuerpo|mente|sesión|terapeuta|intención|diario)\b",
    r"\bsus (ojos|manos|pies|hombros|pensamientos|emociones)\b",
    r"\b(respire|siéntese|recuéstese|cierre|abra|note|observe|inhale|exhale|suelte)\b",
    r"\b(puede|quiere|desea|siente) usted\b",
    r"\b(le|la) (invitamos|damos)\b",
    r"\bvosotros\b|\bos (invitamos|damos)\b",
)
#: Tú forms the library uses throughout; each practice must speak to the client as tú.
TU = (r"\bpuedes\b", r"\btu\b", r"\btus\b", r"\bte\b", r"\bti\b")
#: "Gently, not deeply": no deep-breathing words, and no promises or commands.
FORBIDDEN = (
    r"\bprofund(o|a|amente)\b",
    r"\bhond(o|a)\b",
    r"\bcura(r|rá|ción)?\b",
    r"\bsana(r|rá)\b",
    r"\bgarantiza",
    r"\bdiagn[oó]stic",
    r"\bdeber[ií]as\b",
    r"\bdebes\b",
    r"\btienes que\b",
)
INVITATIONS = (
    "puedes",
    "si te sienta bien",
    "si quieres",
    "quizás",
    "cuando quieras",
    "a tu ritmo",
    "tómate tu tiempo",
)
#: Stop rules a breath practice carries in its safety note and says before the first breath.
STOP_RULES = (
    "suavemente, sin forzar",
    "mareo",
    "hormigueo",
    "falta",
    "dolor en el pecho",
    "pánico",
    "respiración natural",
    "conduc",
    "agua",
)
HOLD_SAFETY = ("saltar", "embarazada", "corazón", "pulmones", "epilepsia", "día de tu sesión")
#: Words that would mean a line was left in English.
ENGLISH = re.compile(r"\b(the|you|your|and|breathe|with|when|feel)\b", re.IGNORECASE)


def _spanish() -> list[Practice]:
    return [p for p in map(load_file, ES_FILES) if isinstance(p, Practice)]


def _original(item: Practice | Program) -> Practice | Program:
    folder = "programs" if isinstance(item, Program) else item.category
    return load_file(SCRIPTS / folder / f"{item.id}.yaml")


SPANISH_PRACTICES = _spanish()
IDS = [p.id for p in SPANISH_PRACTICES]


def _flat(text: str) -> str:
    """Lower case with line breaks and runs of spaces as one space."""
    return " ".join(text.lower().split())


def _text(p: Practice) -> str:
    return _flat(all_text(p))


@pytest.fixture(scope="module")
def readability_es() -> ModuleType:
    path = ROOT / "tools" / "readability_es.py"
    spec = importlib.util.spec_from_file_location("readability_es", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["readability_es"] = module
    spec.loader.exec_module(module)
    return module


# -- complete, valid, in the right place --------------------------------------------------


def test_every_english_practice_and_both_programs_are_in_spanish():
    found = {(type(i).__name__, i.id) for i in map(load_file, ES_FILES)}
    wanted = {("Program", g) for g in PROGRAMS_EN}
    wanted |= {("Practice", pid) for ids in ENGLISH_BY_CATEGORY.values() for pid in ids}
    assert wanted == found  # no English practice left untranslated, no Spanish orphan
    counts = {c: len(ids) for c, ids in ENGLISH_BY_CATEGORY.items()}
    assert counts == {"prepare": 7, "anytime": 8, "integrate": 7}
    assert set(PROGRAMS_EN) == {"week-before", "week-after"}


@pytest.mark.parametrize("category", CATEGORIES)
def test_each_category_folder_in_spanish_mirrors_the_english_one(category: str):
    spanish = sorted(p.stem for p in (SPANISH / category).glob("*.yaml"))
    assert spanish == ENGLISH_BY_CATEGORY[category]


@pytest.mark.parametrize("path", ES_FILES, ids=lambda p: p.name)
def test_each_spanish_file_is_valid_with_no_warnings_and_says_it_is_spanish(path: Path):
    item, diagnostics = check_file(path)
    assert diagnostics == [] and item is not None
    assert item.language == "es" and item.author == "KAP Companion"
    assert path.stem == item.id
    folder = "programs" if isinstance(item, Program) else item.category
    assert path.parent == SPANISH / folder


def test_the_whole_library_with_spanish_validates_with_no_duplicate_ids():
    assert validate_paths([SCRIPTS]) == []


# -- the same practice, only in Spanish ---------------------------------------------------


@pytest.mark.parametrize("practice", SPANISH_PRACTICES, ids=IDS)
def test_timeline_matches_the_english_original_step_for_step(practice: Practice):
    english = _original(practice)
    assert isinstance(english, Practice)
    es, en = compile_practice(practice), compile_practice(english)
    assert es.total == pytest.approx(en.total)
    assert [s.kind for s in es.steps] == [s.kind for s in en.steps]
    assert [(s.start, s.end) for s in es.steps] == [(s.start, s.end) for s in en.steps]
    assert [(s.phase, s.start, s.end) for s in es.segments] == [
        (s.phase, s.start, s.end) for s in en.segments
    ]
    assert [(c.time, c.sound) for c in es.cues] == [(c.time, c.sound) for c in en.cues]
    assert (es.ambient, es.ambient_volume) == (en.ambient, en.ambient_volume)


@pytest.mark.parametrize("practice", SPANISH_PRACTICES, ids=IDS)
def test_category_tags_evidence_and_breath_pattern_are_the_originals(practice: Practice):
    english = _original(practice)
    assert isinstance(english, Practice)
    assert practice.category == english.category
    assert practice.tags == english.tags  # tags stay English: they are machine-facing
    assert practice.evidence == english.evidence
    assert practice.uses == english.uses
    es_breaths = [s for s in practice.steps if isinstance(s, BreatheStep)]
    en_breaths = [s for s in english.steps if isinstance(s, BreatheStep)]
    assert [(s.pattern, s.cues, s.labels.keys()) for s in es_breaths] == [
        (s.pattern, s.cues, s.labels.keys()) for s in en_breaths
    ]


def _shape(practice: Practice) -> list[tuple[object, ...]]:
    """Each step's kind, what it saves, and how many labels or items it shows."""
    out: list[tuple[object, ...]] = []
    for step in practice.steps:
        match step:
            case ReflectStep():
                out.append(("reflect", step.save_as))
            case CheckInStep():
                out.append(("check_in", step.save_as, len(step.labels)))
            case ChecklistStep():
                out.append(("checklist", len(step.items)))
            case _:
                out.append((type(step).__name__,))
    return out


@pytest.mark.parametrize("practice", SPANISH_PRACTICES, ids=IDS)
def test_steps_save_the_same_answers_at_the_same_places(practice: Practice):
    # The journal keys an answer by practice id, step index and save_as name: a Spanish
    # answer must land where the English one would (history, WHO-5 chart, {placeholders}).
    english = _original(practice)
    assert isinstance(english, Practice)
    assert _shape(practice) == _shape(english)
    assert practice.saved_names == english.saved_names


@pytest.mark.parametrize("practice", SPANISH_PRACTICES, ids=IDS)
def test_each_step_keeps_the_placeholders_of_the_original(practice: Practice):
    english = _original(practice)
    assert isinstance(english, Practice)

    def names(p: Practice) -> list[list[str]]:
        return [
            [n for text in step_texts(p, [step]) for n in placeholders(text)] for step in p.steps
        ]

    assert names(practice) == names(english)


@pytest.mark.parametrize("practice", SPANISH_PRACTICES, ids=IDS)
def test_every_text_is_translated(practice: Practice):
    english = _original(practice)
    assert isinstance(english, Practice)
    assert practice.title != english.title and practice.summary != english.summary
    assert practice.safety != english.safety
    texts = [practice.title, practice.summary, practice.description, practice.safety]
    texts += step_texts(practice)
    left_in_english = [t for t in texts if ENGLISH.search(t)]
    assert left_in_english == []
    assert len(step_texts(practice)) == len(step_texts(english))


@pytest.mark.parametrize("program", PROGRAMS_EN)
def test_programs_keep_the_same_days_and_practices_and_name_existing_ones(program: str):
    es = load_file(SPANISH / "programs" / f"{program}.yaml")
    en = load_file(SCRIPTS / "programs" / f"{program}.yaml")
    assert isinstance(es, Program) and isinstance(en, Program)
    assert [(d.day, d.when, d.practices) for d in es.days] == [
        (d.day, d.when, d.practices) for d in en.days
    ]
    assert es.title != en.title and all(d.note for d in es.days)
    assert not [d.note for d in es.days if ENGLISH.search(d.note)]
    lib = Library.load(None)
    shown = lib.for_language("es")
    named = {pid for d in es.days for pid in d.practices}
    assert named <= set(shown)
    assert lib.programs_for_language("es")[program].language == "es"


@pytest.mark.parametrize("program", PROGRAMS_EN)
def test_a_spanish_program_plays_spanish_from_the_first_day_to_the_last(program: str):
    lib = Library.load(None)
    chosen = lib.programs_for_language("es")[program]
    shown = lib.for_language("es")
    named = sorted({pid for d in chosen.days for pid in d.practices})
    assert named and [pid for pid in named if shown[pid].language != "es"] == []
    assert {p.id for p in lib.for_language("es-MX").values() if p.language != "es"} == set()


# -- one voice: tú, warm, invitational, no pressure ---------------------------------------


def _voice_texts() -> list[tuple[str, str]]:
    out = [(p.id, _text(p)) for p in SPANISH_PRACTICES]
    for path in ES_FILES:
        item = load_file(path)
        if isinstance(item, Program):
            notes = " ".join(d.note for d in item.days)
            out.append((item.id, f"{item.title} {item.summary} {item.description} {notes}".lower()))
    return out


@pytest.mark.parametrize(("pid", "text"), _voice_texts(), ids=[i for i, _ in _voice_texts()])
def test_tu_throughout_never_usted(pid: str, text: str):
    assert [p for p in USTED if re.search(p, text)] == [], pid
    assert any(re.search(p, text) for p in TU), pid


def test_the_usted_check_catches_usted_forms():
    samples = ["Respire despacio.", "Puede cerrar sus ojos.", "Note su respiración.", "usted"]
    for sample in samples:
        assert any(re.search(p, sample.lower()) for p in USTED), sample


@pytest.mark.parametrize(("pid", "text"), _voice_texts(), ids=[i for i, _ in _voice_texts()])
def test_no_deep_breathing_no_promises_no_commands(pid: str, text: str):
    text = text.replace("no es un diagnóstico", "")  # the WHO-5 says what it is not
    assert [p for p in FORBIDDEN if re.search(p, text)] == [], pid
    assert "respira hondo" not in text and "respiración profunda" not in text


@pytest.mark.parametrize("practice", SPANISH_PRACTICES, ids=IDS)
def test_each_practice_invites_rather_than_tells(practice: Practice):
    text = _text(practice)
    assert any(phrase in text for phrase in INVITATIONS), practice.id
    assert any(w in text for w in ("puedes parar", "para y", "para,", "saltar")), practice.id


# -- safety -------------------------------------------------------------------------------


#: Breath practices that carry the stop rules: every paced one, and the self-paced sigh.
BREATH_IDS = {
    "box-breathing",
    "breathing-4-7-8",
    "cyclic-sigh",
    "cyclic-sigh-self-paced",
    "coherent-breathing",
    "exhale-4-6",
    "sigh-reset",
}
BREATH = [p for p in SPANISH_PRACTICES if p.id in BREATH_IDS]


def test_the_breath_practices_are_the_ones_expected():
    assert {p.id for p in BREATH} == BREATH_IDS
    assert {p.id for p in SPANISH_PRACTICES if p.has_breathing} <= BREATH_IDS
    assert all("breath" in p.tags for p in BREATH)


@pytest.mark.parametrize("practice", BREATH, ids=[p.id for p in BREATH])
def test_breath_practices_carry_the_stop_rules_before_the_first_breath(practice: Practice):
    safety = _flat(practice.safety)
    assert [r for r in STOP_RULES if r not in safety] == []
    first = next(
        (i for i, s in enumerate(practice.steps) if isinstance(s, BreatheStep)),
        len(practice.steps),
    )
    said = _flat(" ".join(step_texts(practice, practice.steps[:first])))
    assert [r for r in STOP_RULES if r not in said] == []


@pytest.mark.parametrize("pid", ["box-breathing", "breathing-4-7-8"])
def test_practices_with_holds_say_holds_can_be_skipped_and_who_should_check(pid: str):
    practice = next(p for p in SPANISH_PRACTICES if p.id == pid)
    safety = _flat(practice.safety)
    assert [w for w in HOLD_SAFETY if w not in safety] == []


EYES_OPEN = ("ojos abiertos", "abre los ojos", "abrir los ojos", "ojos pueden quedarse abiertos")
#: Practices that turn attention inward (or follow a session) and must offer eyes open and
#: a way back to the room, as their English originals do.
INWARD = (
    "body-scan-short",
    "breath-awareness",
    "calm-place",
    "container",
    "integration-body-scan",
    "intention-setting",
    "landing",
)
WAY_BACK = ("mira a tu alrededor", "pies en el suelo", "sonidos", "respiración natural", "manos")
STOP_OR_SKIP = ("puedes parar", "saltar", "para, mira", "para y vuelve")


@pytest.mark.parametrize("pid", ["grounding-54321", "orienting", "feet-and-hands", "container"])
def test_grounding_and_imagery_offer_eyes_open(pid: str):
    practice = next(p for p in SPANISH_PRACTICES if p.id == pid)
    assert "ojos abiertos" in _text(practice) or "abre los ojos" in _text(practice)


@pytest.mark.parametrize("pid", INWARD)
def test_inward_practices_offer_eyes_open_a_way_back_and_a_way_out(pid: str):
    practice = next(p for p in SPANISH_PRACTICES if p.id == pid)
    said = _flat(practice.safety + " " + " ".join(step_texts(practice)))
    assert any(phrase in said for phrase in EYES_OPEN), pid
    assert any(phrase in said for phrase in WAY_BACK), pid
    assert any(phrase in said for phrase in STOP_OR_SKIP), pid


def test_the_container_points_to_get_help_now():
    practice = next(p for p in SPANISH_PRACTICES if p.id == "container")
    assert "«ayuda ahora»" in _flat(practice.safety)


def test_after_the_session_no_driving_until_after_a_nights_sleep():
    landing = next(p for p in SPANISH_PRACTICES if p.id == "landing")
    plan = next(p for p in SPANISH_PRACTICES if p.id == "set-and-setting")
    for practice in (landing, plan):
        safety = _flat(practice.safety)
        assert "no conduzcas" in safety and "después de una noche de sueño" in safety
    assert not landing.has_breathing  # the dosing day: no pacer, no holds
    assert "«ayuda ahora»" in _flat(landing.safety)


def test_the_neuroplasticity_window_is_called_a_hypothesis():
    texts = [_text(p) for p in SPANISH_PRACTICES]
    texts += [_flat(g.description) for g in map(load_file, ES_FILES) if isinstance(g, Program)]
    mentions = [t for t in texts if "apertura al cambio" in t]
    assert len(mentions) >= 2 and all("hipótesis" in t for t in mentions)


#: The brief's integration prompts, by a phrase each Spanish prompt keeps (the English
#: test's INTEGRATION_PROMPTS, in the same order).
INTEGRATION_PROMPTS_ES = (
    "lo que más te llamó la atención",
    "tu intención",
    "qué emociones llegaron",
    "difícil o confuso",
    "la forma en que te tratas",
    "las personas de tu vida",
    "importar más",
    "paso pequeño y concreto",
    "próximos 7 días",
    "tu sueño, tus comidas y tu movimiento",
    "algo más grande",
    "qué quieres conservar",
    "qué apoyo necesitas",
    "una semana después, ¿qué ha cambiado",
    "tu próxima sesión de integración",
)


def test_integration_prompts_follow_the_brief_in_spanish():
    prompts = _flat(
        " ".join(
            s.prompt
            for p in SPANISH_PRACTICES
            if p.category == "integrate"
            for s in p.steps
            if isinstance(s, ReflectStep)
        )
    )
    assert [phrase for phrase in INTEGRATION_PROMPTS_ES if phrase not in prompts] == []


# -- the WHO-5 in its Spanish wording ------------------------------------------------------

#: The WHO-5 items as the Spanish version words them ("/a" for the gendered adjectives).
WHO5_ITEMS_ES = (
    "Me he sentido alegre y de buen humor",
    "Me he sentido tranquilo/a y relajado/a",
    "Me he sentido activo/a y enérgico/a",
    "Me he despertado fresco/a y descansado/a",
    "Mi vida cotidiana ha estado llena de cosas que me interesan",
)


def _who5() -> Practice:
    return next(p for p in SPANISH_PRACTICES if p.id == "who5-weekly")


def test_who5_uses_the_spanish_items_the_same_scale_and_the_credit():
    p = _who5()
    checks = [s for s in p.steps if isinstance(s, CheckInStep)]
    assert [s.save_as for s in checks] == [f"who5_{i}" for i in range(1, 6)]
    for step, item in zip(checks, WHO5_ITEMS_ES, strict=True):
        assert step.question == f"Durante las últimas dos semanas: {item}."
        assert step.labels == ("nunca", "todo el tiempo")  # the Spanish scale's two ends
    assert p.evidence is not None
    assert any("Psychiatric Center North Zealand" in s for s in p.evidence.sources)
    assert "versión oficial en español" in _flat(p.description)


def test_who5_scoring_is_explained_in_spanish_in_the_description_and_aloud():
    p = _who5()
    description = _flat(p.description)
    for phrase in (
        "de 0 a 10",
        "se divide entre dos",
        "se multiplican por 4",
        "de 0 a 100",
        "50 o menos",
        "10 puntos",
        "no es un diagnóstico",
    ):
        assert phrase in description, phrase
    said = _flat(" ".join(s.text for s in p.steps if isinstance(s, SayStep)))
    assert "suma tus cinco respuestas y multiplica el total por dos" in said
    assert "50 o menos" in said and "no es un diagnóstico" in said


# -- readability --------------------------------------------------------------------------


def test_spanish_syllables_follow_diphthong_and_hiatus_rules(readability_es: ModuleType):
    words = {
        "aire": 2,
        "día": 2,
        "río": 2,
        "hoy": 1,
        "muy": 1,
        "que": 1,
        "aquí": 2,
        "ahora": 3,
        "respiración": 4,
        "suavemente": 4,
        "ciudad": 2,
        "aéreo": 4,
        "pies": 1,
        "cuidado": 3,
        "ejercicio": 4,
        "contenedor": 4,
        "y": 1,
    }
    assert {w: readability_es.syllables(w) for w in words} == words


def test_the_measures_follow_their_formulas(readability_es: ModuleType):
    counts = readability_es.count("Mira la luz. ¿Qué notas ahora?")
    assert (counts.words, counts.sentences, counts.syllables) == (6, 2, 10)
    assert counts.inflesz == pytest.approx(206.835 - 62.3 * 10 / 6 - 3)
    assert counts.fernandez_huerta == pytest.approx(206.84 - 60 * 10 / 6 - 1.02 * 3)


def test_hard_text_scores_below_the_target(readability_es: ModuleType):
    hard = (
        "La administración intravenosa de ketamina en contextos psicoterapéuticos "
        "controlados requiere evaluaciones multidisciplinarias pormenorizadas, "
        "consideraciones farmacológicas individualizadas y documentación exhaustiva."
    )
    assert readability_es.count(hard).inflesz < readability_es.TARGET_INFLESZ


@pytest.mark.parametrize("pid", IDS)
def test_each_spanish_practice_is_fairly_easy_to_read(readability_es: ModuleType, pid: str):
    row = next(r for r in readability_es.rows([SPANISH]) if r.practice.id == pid)
    assert row.guidance.inflesz >= readability_es.TARGET_INFLESZ, (pid, row.guidance)
    assert row.everything.inflesz >= readability_es.TARGET_INFLESZ, (pid, row.everything)
    assert readability_es.band(row.everything.inflesz) in ("bastante fácil", "muy fácil")


def test_the_readability_tool_prints_every_spanish_practice(readability_es: ModuleType, capsys):
    assert readability_es.main([str(SPANISH)]) == 0
    out = capsys.readouterr().out
    assert all(pid in out for pid in IDS) and "whole library" in out
