"""Practices per language: translations share an id, the library picks the client's language."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kapcompanion.core.errors import ERROR
from kapcompanion.core.library import Library, library_key
from kapcompanion.core.validate import validate_paths
from kapcompanion.paths import data_folders, user_practices_dir
from kapcompanion.resources import builtin_scripts

from .helpers import practice_text, write

PROGRAM = """\
kapcompanion: 1
kind: program
id: {id}
title: {title}
summary: A plan.
language: {language}
days:
  - day: 1
    practices: [{practice}]
    note: {note}
"""


def _practice(pid: str, language: str, said: str) -> str:
    return practice_text(f"- say: {said}\n", id=pid, extra=f"language: {language}\n")


def _program(pid: str, language: str, title: str, practice: str = "shared") -> str:
    note = "Hola." if language == "es" else "Hello."
    return PROGRAM.format(id=pid, title=title, language=language, practice=practice, note=note)


def _user_library() -> Library:
    return Library.load(data_folders(), builtin=False, packs=False, use_cache=False)


def run(*args: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kapcompanion", *map(str, args)],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=60,
    )


# -- keys and the built-in Spanish folder -------------------------------------------------


def test_keys_are_the_id_in_english_and_id_at_language_otherwise():
    assert library_key("container", "en") == "container"
    assert library_key("container", "es") == "container@es"


def test_builtin_spanish_files_are_found_in_their_subfolder_without_clashes():
    lib = Library.load(None)
    assert lib.problems == []
    assert lib.practices["container"].language == "en"
    assert lib.practices["container@es"].language == "es"
    assert lib.practices["container@es"].source == builtin_scripts() / "es/anytime/container.yaml"
    assert lib.programs["week-before"].language == "en"
    assert lib.programs["week-before@es"].language == "es"
    assert lib.origin("container@es") == "built-in"


def test_for_language_gives_spanish_where_translated_and_english_elsewhere():
    lib = Library.load(None)
    es = lib.for_language("es")
    en = lib.for_language("en")
    assert set(es) == set(en) == {p.id for p in lib.practices.values()}
    assert es["container"].language == "es" and es["container"].title == "El contenedor"
    assert es["landing"].language == "es"  # every built-in practice has a Spanish twin
    assert {p.language for p in en.values()} == {"en"}
    assert lib.for_language("es-MX")["orienting"].language == "es"
    assert lib.for_language("es_ES")["orienting"].language == "es"
    assert lib.for_language("fr")["orienting"].language == "en"
    programs = lib.programs_for_language("es")
    assert programs["week-after"].language == "es"
    assert lib.programs_for_language("en")["week-after"].language == "en"
    assert set(lib.translations("container")) == {"en", "es"}
    assert set(lib.translations("landing")) == {"en", "es"}


def test_a_practice_only_in_english_shows_in_english_to_a_spanish_client():
    write(user_practices_dir(), _practice("solo-en", "en", "Hello."), "solo.yaml")
    lib = Library.load(data_folders(), packs=False, use_cache=False)
    assert lib.for_language("es")["solo-en"].language == "en"
    assert lib.for_language("es")["landing"].language == "es"


# -- the user's own practices in several languages ----------------------------------------


def test_a_practice_only_in_spanish_still_shows_in_english():
    write(user_practices_dir(), _practice("solo-es", "es", "Hola."), "solo.yaml")
    lib = _user_library()
    assert lib.for_language("en")["solo-es"].language == "es"
    assert lib.for_language("es")["solo-es"].language == "es"


def test_between_two_other_languages_the_choice_does_not_depend_on_file_order():
    write(user_practices_dir(), _practice("x", "pt", "Olá."), "a.yaml")
    write(user_practices_dir(), _practice("x", "de", "Hallo."), "b.yaml")
    assert _user_library().for_language("en")["x"].language == "de"
    assert _user_library().for_language("pt")["x"].language == "pt"


def test_origins_follow_the_version_shown():
    write(user_practices_dir(), _practice("container", "es", "Mi contenedor."), "mine.yaml")
    lib = Library.load(data_folders(), packs=False, use_cache=False)
    assert lib.for_language("es")["container"].steps[0].text == "Mi contenedor."
    assert lib.origins_for_language("es")["container"] == "user"
    assert lib.origins_for_language("en")["container"] == "built-in"
    # the built-in Spanish container was left out, and that is said once
    assert len(lib.problems) == 1 and "container" in lib.problems[0].message


def test_a_same_language_clash_in_the_library_keeps_the_first_and_reports_it():
    write(user_practices_dir(), _practice("shared", "es", "Uno."), "a.yaml")
    write(user_practices_dir(), _practice("shared", "es", "Dos."), "b.yaml")
    lib = _user_library()
    assert lib.practices["shared@es"].steps[0].text == "Uno."
    assert [p.message for p in lib.problems] == [
        'id "shared" is already used by user; this one is left out'
    ]


def test_programs_in_two_languages_are_both_kept():
    folder = user_practices_dir()
    write(folder, _practice("shared", "en", "Hi."), "shared.yaml")
    write(folder, _program("plan", "en", "Plan"), "plan.yaml")
    write(folder, _program("plan", "es", "Plan en español"), "plan-es.yaml")
    lib = _user_library()
    assert lib.problems == []
    assert lib.programs_for_language("es")["plan"].title == "Plan en español"
    assert lib.programs_for_language("en")["plan"].title == "Plan"


# -- validation ---------------------------------------------------------------------------


def test_validate_accepts_a_translation_with_the_same_id(tmp_path: Path):
    write(tmp_path, _practice("shared", "en", "Hi."), "en/shared.yaml")
    write(tmp_path, _practice("shared", "es", "Hola."), "es/shared.yaml")
    write(tmp_path, _program("plan", "en", "Plan"), "en/plan.yaml")
    write(tmp_path, _program("plan", "es", "Plan"), "es/plan.yaml")
    assert validate_paths([tmp_path]) == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_validate_reports_a_same_language_duplicate(tmp_path: Path, language: str):
    write(tmp_path, _practice("shared", language, "Uno."), "a.yaml")
    write(tmp_path, _practice("shared", language, "Dos."), "b.yaml")
    found = validate_paths([tmp_path])
    assert [(d.severity, d.path.endswith("b.yaml")) for d in found] == [(ERROR, True)]
    assert 'id "shared" is also used by' in found[0].message


def test_validate_the_builtin_scripts_reports_no_duplicates():
    result = run("validate", builtin_scripts())
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "all valid\n"


# -- kapcompanion list --------------------------------------------------------------------


def test_list_marks_translations_and_keeps_english_as_before():
    result = run("list")
    assert result.returncode == 0 and "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    english = next(i for i, line in enumerate(lines) if line.rstrip().endswith("The container"))
    assert lines[english + 1].rstrip().endswith("El contenedor [es]")
    assert not any(line.rstrip().endswith("The container [es]") for line in lines)
    assert any(line.rstrip().endswith("La semana antes de tu sesión [es]") for line in lines)


def test_list_json_gives_each_language_with_its_origin():
    result = run("list", "--json")
    data = json.loads(result.stdout)
    rows = [(r["id"], r["language"], r["origin"]) for r in data["practices"]]
    assert ("container", "es", "built-in") in rows and ("container", "en", "built-in") in rows
    programs = {(g["id"], g["language"]) for g in data["programs"]}
    assert {("week-after", "en"), ("week-after", "es")} <= programs


def test_timeline_plays_a_translation_by_its_library_key():
    result = run("timeline", "sigh-reset@es")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Pausa con suspiros (sigh-reset) — 1:15")
    english = run("timeline", "sigh-reset")
    assert english.stdout.startswith("Sigh reset (sigh-reset) — 1:15")
