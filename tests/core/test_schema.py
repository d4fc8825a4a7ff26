import jsonschema
import pytest
import yaml

from kapcompanion.core.library import yaml_files
from kapcompanion.core.schema import practice_schema
from kapcompanion.resources import builtin_scripts

from .helpers import practice_text

SCHEMA = practice_schema()


def test_schema_is_valid_draft7():
    jsonschema.Draft7Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", list(yaml_files(builtin_scripts())), ids=lambda p: p.name)
def test_builtin_files_match_the_schema(path):
    jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), SCHEMA)


def test_schema_accepts_every_step_kind():
    text = practice_text("""
        - say: hi
          duration: 5s
        - breathe: {inhale: [3, 1], hold: 0, exhale: 6, cycles: 3, cue: {inhale: rise}}
        - silence: 1m
          prompt: Rest
        - bell: singing-bowl
        - reflect: {prompt: "Why?", save_as: why}
        - check_in: {question: "How?", save_as: how, labels: [low, high]}
        - checklist: {title: T, items: [a]}
        - repeat: 2
          steps: [{say: again}]
    """)
    jsonschema.validate(yaml.safe_load(text), SCHEMA)


@pytest.mark.parametrize(
    "bad",
    [
        "- breath: {inhale: 4}\n",
        "- breathe: {inhale: 4, exhale: 4}\n",
        "- say: hi\n  colour: red\n",
    ],
)
def test_schema_rejects_what_the_validator_rejects(bad):
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(yaml.safe_load(practice_text(bad)), SCHEMA)
