"""A JSON Schema of the practice format, for editors (VS Code's YAML extension etc.).

The validator in :mod:`kapcompanion.core.parse` is the authority; this schema gives
editors completion and early checking. ``tests/core/test_schema.py`` keeps the two in
step by checking every built-in practice against the schema.
"""

from __future__ import annotations

from typing import Any

from kapcompanion.core.model import AMBIENT_SOUNDS, CATEGORIES, CUE_SOUNDS, EVIDENCE_LEVELS

SCHEMA_ID = "https://kapcompanion.invalid/schema/practice-v1.json"

_DURATION: dict[str, Any] = {
    "description": "Seconds as a number, or text like 90s, 1m30s, 5m, 1h, or 2:30.",
    "anyOf": [
        {"type": "number", "exclusiveMinimum": 0},
        {
            "type": "string",
            "pattern": r"^\s*(\d+(\.\d+)?\s*h)?\s*(\d+(\.\d+)?\s*m)?\s*(\d+(\.\d+)?\s*s?)?\s*$",
        },
        {"type": "string", "pattern": r"^\d+(:[0-5]\d){1,2}(\.\d+)?$"},
    ],
}
_HOLD: dict[str, Any] = {
    "description": "Seconds of a gentle hold (0 for none; over 10 s warns).",
    "anyOf": [{"type": "number", "minimum": 0}, *_DURATION["anyOf"][1:]],
}
_NAME = {"type": "string", "pattern": "^[a-z_][a-z0-9_]*$"}
_CUE = {
    "description": "A bundled cue, 'none', or an audio file next to the practice.",
    "anyOf": [
        {"enum": [*CUE_SOUNDS, "none"]},
        {"type": "string", "pattern": r"\.(ogg|oga|wav|flac|mp3)$"},
    ],
}
_TEXT = {"type": ["string", "number"]}


def _step(
    kind: str, value: dict[str, Any], extra: dict[str, Any] | None = None, doc: str = ""
) -> dict[str, Any]:
    props = {kind: value, **(extra or {})}
    return {
        "type": "object",
        "description": doc,
        "required": [kind],
        "properties": props,
        "additionalProperties": False,
    }


def _steps_ref() -> dict[str, Any]:
    return {"type": "array", "minItems": 1, "items": {"$ref": "#/definitions/step"}}


def practice_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07) of a version-1 practice or program file."""
    breathe = {
        "type": "object",
        "required": ["inhale", "exhale"],
        "additionalProperties": False,
        "properties": {
            "inhale": {
                "anyOf": [
                    _DURATION,
                    {"type": "array", "items": _DURATION, "minItems": 1, "maxItems": 3},
                ]
            },
            "hold": _HOLD,
            "exhale": _DURATION,
            "hold_out": _HOLD,
            "cycles": {"type": "integer", "minimum": 1, "maximum": 2000},
            "for": _DURATION,
            "cue": {
                "anyOf": [
                    _CUE,
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {k: _CUE for k in ("inhale", "hold", "exhale", "hold_out")},
                    },
                ]
            },
            "labels": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    k: _TEXT for k in ("inhale", "hold", "exhale", "hold_out", "top_up")
                },
            },
        },
        "oneOf": [{"required": ["cycles"]}, {"required": ["for"]}],
    }
    step_kinds = [
        _step(
            "say",
            _TEXT,
            {"voice": {"type": "string"}, "duration": _DURATION},
            "Guidance text, optionally voiced by a recorded clip.",
        ),
        _step("breathe", breathe, doc="Paced breathing."),
        _step("silence", _DURATION, {"prompt": _TEXT}, "Quiet time."),
        _step("bell", _CUE, {"duration": _DURATION}, "A single bell."),
        _step(
            "reflect",
            {
                "type": "object",
                "required": ["prompt"],
                "additionalProperties": False,
                "properties": {"prompt": _TEXT, "save_as": _NAME},
            },
            doc="A written reflection (the clock waits).",
        ),
        _step(
            "check_in",
            {
                "type": "object",
                "required": ["question"],
                "additionalProperties": False,
                "properties": {
                    "question": _TEXT,
                    "save_as": _NAME,
                    "labels": {"type": "array", "items": _TEXT, "minItems": 2, "maxItems": 2},
                },
            },
            doc="A 0–10 rating (the clock waits).",
        ),
        _step(
            "checklist",
            {
                "type": "object",
                "required": ["title", "items"],
                "additionalProperties": False,
                "properties": {
                    "title": _TEXT,
                    "items": {"type": "array", "items": _TEXT, "minItems": 1},
                },
            },
            doc="Items to tick (the clock waits).",
        ),
        _step(
            "repeat",
            {"type": "integer", "minimum": 1},
            {"steps": _steps_ref()},
            "Repeat the steps N times.",
        ),
    ]
    practice = {
        "type": "object",
        "required": ["kapcompanion", "id", "title", "category", "summary", "steps"],
        "additionalProperties": False,
        "properties": {
            "kapcompanion": {"const": 1, "description": "Format version."},
            "kind": {"const": "practice"},
            "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "title": _TEXT,
            "category": {"enum": list(CATEGORIES)},
            "summary": _TEXT,
            "description": _TEXT,
            "tags": {"type": "array", "items": {"type": "string"}},
            "author": _TEXT,
            "language": {"type": "string"},
            "translation_of": {"type": "string"},
            "evidence": {
                "type": "object",
                "required": ["level"],
                "additionalProperties": False,
                "properties": {
                    "level": {"enum": list(EVIDENCE_LEVELS)},
                    "sources": {"type": "array", "items": {"type": "string"}},
                },
            },
            "safety": _TEXT,
            "sound": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "ambient": {"anyOf": [{"enum": [*AMBIENT_SOUNDS, "none"]}, {"type": "string"}]},
                    "ambient_volume": {"type": "number", "minimum": 0, "maximum": 1},
                    "cue": _CUE,
                    "spoken_cues": {
                        "type": "boolean",
                        "description": "Say the breath phases (in, hold, out) on the first "
                        "three cycles of each breathe step, then tones only.",
                    },
                },
            },
            "uses": {"type": "array", "items": _NAME},
            "steps": _steps_ref(),
        },
    }
    program = {
        "type": "object",
        "required": ["kapcompanion", "kind", "id", "title", "days"],
        "additionalProperties": False,
        "properties": {
            "kapcompanion": {"const": 1},
            "kind": {"const": "program"},
            "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
            "title": _TEXT,
            "summary": _TEXT,
            "description": _TEXT,
            "author": _TEXT,
            "language": {"type": "string"},
            "translation_of": {"type": "string"},
            "days": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "required": ["day", "practices"],
                    "additionalProperties": False,
                    "properties": {
                        "day": {"type": "integer", "minimum": -60, "maximum": 120},
                        "when": {"enum": ["before", "after"]},
                        "practices": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                        "note": _TEXT,
                    },
                },
            },
        },
    }
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "KAP Companion practice or program (format 1)",
        "definitions": {"step": {"oneOf": step_kinds}},
        "if": {"properties": {"kind": {"const": "program"}}, "required": ["kind"]},
        "then": program,
        "else": practice,
    }
