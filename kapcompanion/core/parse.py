"""Turn a parsed practice document into a :class:`Practice`, reporting every problem."""

from __future__ import annotations

import logging
import math
import re
from pathlib import Path
from typing import Any

from kapcompanion.core.breath import check_segments
from kapcompanion.core.checker import Checker, suggest, type_name
from kapcompanion.core.model import (
    AMBIENT_SOUNDS,
    CATEGORIES,
    CUE_SOUNDS,
    EVIDENCE_LEVELS,
    FORMAT_VERSION,
    NO_SOUND,
    BellStep,
    BreatheStep,
    CheckInStep,
    ChecklistStep,
    Evidence,
    PhaseCues,
    Practice,
    ReflectStep,
    SayStep,
    SilenceStep,
    SoundSettings,
    Step,
)
from kapcompanion.core.spoken import VOICE_TAIL, estimate_seconds, is_english
from kapcompanion.core.text import NAME, placeholders
from kapcompanion.core.yamlsafe import Document

log = logging.getLogger(__name__)

#: Phase cues when a practice names none: distinct tones an eyes-closed listener can follow.
TONES = PhaseCues(inhale="rise", hold="tick", exhale="fall", hold_out="tick")

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LANGUAGE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")

PRACTICE_KEYS = (
    "kapcompanion",
    "kind",
    "id",
    "title",
    "category",
    "summary",
    "description",
    "tags",
    "author",
    "language",
    "evidence",
    "safety",
    "sound",
    "uses",
    "steps",
    "translation_of",
)
REQUIRED = ("kapcompanion", "id", "title", "category", "summary", "steps")
STEP_KINDS = ("say", "breathe", "silence", "bell", "reflect", "check_in", "checklist", "repeat")
STEP_EXTRAS = {
    "say": ("voice", "duration"),
    "silence": ("prompt",),
    "bell": ("duration",),
    "repeat": ("steps",),
}

MAX_STEPS = 2000
MAX_TOTAL = 4 * 3600.0
BELL_SECONDS = 6.0
WORDS_PER_SECOND = 2.2  # unhurried guidance, read at ~130 words a minute


def reading_seconds(text: str) -> float:
    """How long a say step lasts without a clip: time to read it slowly, then a breath."""
    return max(4.0, round(len(text.split()) / WORDS_PER_SECOND + 2.0, 1))


class PracticeParser(Checker):
    """Checks and builds one practice."""

    def __init__(self, doc: Document, folder: Path | None, source: Path | None) -> None:
        super().__init__(doc, folder)
        self.source = source
        self.saved: set[str] = set()
        self.uses: tuple[str, ...] = ()
        self.count = 0
        self.default_cues = TONES
        self.english = True  # the voice estimate is for the English voice

    # -- top level ---------------------------------------------------------------

    def practice(self) -> Practice | None:
        """The practice, or None when it has errors (see ``diagnostics``)."""
        d = self.doc.data
        if not isinstance(d, dict):
            self.report(
                self.doc.root_mark,
                f"the file must be a mapping of keys (kapcompanion: 1, id: …), not {type_name(d)}",
            )
            return None
        self.check_keys(d, PRACTICE_KEYS, REQUIRED, "a practice")
        self._version(d)
        pid = self._ident(d)
        category = self.text(d, "category", "category")
        if "category" in d and category and category not in CATEGORIES:
            self.error_at(
                d,
                "category",
                f'category "{category}" is not one of {", ".join(CATEGORIES)}',
                suggest(category, CATEGORIES),
            )
        language = self.text(d, "language", "language", default="en")
        if language and not LANGUAGE.match(language):
            self.error_at(
                d,
                "language",
                f'language "{language}" is not a language code',
                "use a code like en, es or pt-BR",
            )
        self.english = is_english(language or "en")
        self.uses = self._names(d, "uses") if "uses" in d else ()
        sound = self._sound() if "sound" in d else SoundSettings()
        if isinstance(d.get("sound"), dict) and "cue" in d["sound"]:
            self.default_cues = PhaseCues.same(sound.cue)
        steps: tuple[Step, ...] = ()
        if "steps" in d:
            steps = tuple(self._step_list(d, "steps"))
            if isinstance(d["steps"], list) and not d["steps"]:
                self.error_at(d, "steps", "a practice needs at least one step")
            total = sum(_seconds(s) for s in steps)
            check_segments(self, d, steps)
            if total > MAX_TOTAL:
                self.error_at(
                    d,
                    "steps",
                    f"the practice lasts {total / 3600:.1f} hours; the most is 4 hours",
                    "split it into shorter practices",
                )
        practice = Practice(
            id=pid,
            title=self.name_text(d, "title", "title"),
            category=category,
            summary=self.text(d, "summary", "summary"),
            steps=steps,
            description=self.text(d, "description", "description", empty_ok=True),
            tags=self.text_list(d, "tags", "tags"),
            author=self.name_text(d, "author", "author", empty_ok=True),
            language=language or "en",
            evidence=self._evidence() if "evidence" in d else None,
            safety=self.text(d, "safety", "safety", empty_ok=True),
            sound=sound,
            uses=self.uses,
            source=self.source,
        )
        return practice if self.ok else None

    def _version(self, d: dict[str, Any]) -> None:
        if "kapcompanion" not in d:
            return
        v = d["kapcompanion"]
        if v != FORMAT_VERSION or isinstance(v, bool):
            self.error_at(
                d,
                "kapcompanion",
                f"format version {v!r} is not supported; this app reads version {FORMAT_VERSION}",
                "write kapcompanion: 1",
            )

    def _ident(self, d: dict[str, Any]) -> str:
        pid = self.text(d, "id", "id")
        if "id" in d and pid and not ID.match(pid):
            self.error_at(
                d,
                "id",
                f'id "{pid}" may use only lowercase letters, digits and dashes',
                f'for example "{_slug(pid)}"',
            )
        return pid

    def _names(self, d: dict[str, Any], key: str) -> tuple[str, ...]:
        out = self.text_list(d, key, key)
        for i, name in enumerate(out):
            if name and not NAME.match(name):
                self.error_at(
                    d[key],
                    i,
                    f'"{name}" is not a valid name',
                    "use lowercase letters, digits and _ like intention or settled_before",
                )
        return out

    def _evidence(self) -> Evidence | None:
        d = self.mapping(self.doc.data, "evidence", "evidence")
        if d is None:
            return None
        self.check_keys(d, ("level", "sources"), ("level",), "evidence")
        level = self.text(d, "level", "evidence level")
        if level and level not in EVIDENCE_LEVELS:
            self.error_at(
                d,
                "level",
                f'evidence level "{level}" is not one of {", ".join(EVIDENCE_LEVELS)}',
                suggest(level, EVIDENCE_LEVELS),
            )
        return Evidence(level, self.text_list(d, "sources", "sources"))

    def _sound(self) -> SoundSettings:
        d = self.mapping(self.doc.data, "sound", "sound")
        if d is None:
            return SoundSettings()
        self.check_keys(d, ("ambient", "ambient_volume", "cue", "spoken_cues"), (), "sound")
        ambient = None
        if "ambient" in d and d["ambient"] not in (None, NO_SOUND):
            ambient = self.sound_name(d, "ambient", AMBIENT_SOUNDS, "ambient sound")
        volume = 0.3
        if "ambient_volume" in d:
            volume = self.number(d, "ambient_volume", "ambient_volume", lo=0, hi=1) or 0.0
        cue: str | None = "soft-bell"
        if "cue" in d:
            cue = self.cue_name(d, "cue")
        spoken = False
        if "spoken_cues" in d:
            spoken = d["spoken_cues"] is True
            if not isinstance(d["spoken_cues"], bool):
                self.error_at(
                    d,
                    "spoken_cues",
                    f"spoken_cues must be true or false, not {type_name(d['spoken_cues'])}",
                    "write spoken_cues: true",
                )
        return SoundSettings(ambient, volume, cue, spoken)

    def sound_name(self, d: Any, key: Any, bundled: tuple[str, ...], what: str) -> str | None:
        """A bundled sound name, or an audio file next to the practice."""
        value = d[key]
        if isinstance(value, str) and value in bundled:
            return value
        if isinstance(value, str) and "." not in value and "/" not in value:
            self.error_at(
                d,
                key,
                f'{what} "{value}" is not a bundled sound',
                suggest(value, bundled) or f"bundled: {', '.join(bundled)}",
            )
            return None
        path = self.audio_path(d, key, what)
        return str(path) if path else None

    def cue_name(self, d: Any, key: Any) -> str | None:
        """A cue sound, or None for silence."""
        if d[key] in (None, NO_SOUND, False):
            return None
        return self.sound_name(d, key, CUE_SOUNDS, "cue")

    # -- steps -------------------------------------------------------------------

    def _step_list(self, container: Any, key: Any) -> list[Step]:
        items = container[key]
        if not isinstance(items, list):
            self.error_at(
                container,
                key,
                f"steps must be a list, not {type_name(items)}",
                "start each step on its own line with '- '",
            )
            return []
        out: list[Step] = []
        for i in range(len(items)):
            out.extend(self._step(items, i))
            if self.count > MAX_STEPS:
                break
        return out

    def _step(self, items: list[Any], i: int) -> list[Step]:
        raw = items[i]
        if isinstance(raw, str) and raw.split(maxsplit=1)[0] in STEP_KINDS and " " in raw:
            kind, rest = raw.split(maxsplit=1)
            line, col = self.doc.value_mark(items, i)
            self.report(
                (line, col + len(kind)), f'a ":" is missing after "{kind}"', f"write {kind}: {rest}"
            )
            return []
        if not isinstance(raw, dict):
            self.error_at(items, i, f"a step must be a mapping like 'say: …', not {type_name(raw)}")
            return []
        kinds = [k for k in raw if k in STEP_KINDS]
        if not kinds:
            first = next(iter(raw), "")
            hint = suggest(first, STEP_KINDS) or f"step kinds: {', '.join(STEP_KINDS)}"
            self.report(
                self.doc.key_mark(raw, first) if first else self.doc.value_mark(items, i),
                f'unknown step kind "{first}"',
                hint,
            )
            return []
        if len(kinds) > 1:
            self.report(
                self.doc.key_mark(raw, kinds[1]),
                f'one step has two kinds ("{kinds[0]}" and "{kinds[1]}")',
                "start a new step with '- ' for each",
            )
            return []
        kind = kinds[0]
        self.check_keys(raw, (kind, *STEP_EXTRAS.get(kind, ())), (), f"a {kind} step")
        if kind == "repeat":
            return self._repeat(raw)
        step = getattr(self, f"_step_{kind}")(raw)
        self.count += 1
        if self.count == MAX_STEPS + 1:
            self.report(
                self.doc.key_mark(raw, kind),
                f"the practice has more than {MAX_STEPS} steps",
                "split it into shorter practices",
            )
        return [step] if step is not None else []

    def _repeat(self, raw: dict[str, Any]) -> list[Step]:
        times = self.whole(raw, "repeat", "repeat", lo=1, hi=MAX_STEPS)
        if "steps" not in raw:
            self.report(
                self.doc.key_mark(raw, "repeat"),
                "a repeat step needs steps",
                "add 'steps:' with the steps to repeat",
            )
            return []
        before = self.count
        inner = self._step_list(raw, "steps")
        if times is None:
            return inner
        body = self.count - before
        if before + body * times > MAX_STEPS:
            if self.count <= MAX_STEPS:
                self.report(
                    self.doc.key_mark(raw, "repeat"),
                    f"repeating {times} times makes more than {MAX_STEPS} steps",
                    "split it into shorter practices",
                )
            self.count = MAX_STEPS + 1
            return []
        self.count = before + body * times
        return inner * times

    def _placeholders_in(self, container: Any, key: Any, text: str) -> None:
        for name in placeholders(text):
            if name not in self.saved and name not in self.uses:
                self.error_at(
                    container,
                    key,
                    f'"{{{name}}}" is not saved by an earlier step',
                    f"save it earlier with save_as: {name}, or add uses: [{name}] to "
                    "read it from the journal",
                )

    def prose(self, container: Any, key: Any, what: str) -> str:
        """Text that may hold placeholders; each must be saved earlier or listed in uses."""
        text = self.text(container, key, what)
        self._placeholders_in(container, key, text)
        return text

    def _step_say(self, raw: dict[str, Any]) -> SayStep | None:
        text = self.prose(raw, "say", "say")
        voice = self.audio_path(raw, "voice", "voice") if "voice" in raw else None
        clip = None
        if voice is not None and self.folder is not None:
            # imported here: the clip check loads NumPy, which only recorded clips need
            from kapcompanion.core.cliplevel import check_clip

            clip, problems = check_clip(str(raw["voice"]), voice)
            for severity, message, hint in problems:
                self.report(self.doc.value_mark(raw, "voice"), message, hint, severity)
        duration = self.duration(raw, "duration", "duration") if "duration" in raw else None
        if duration is None and "duration" not in raw:
            duration = clip or reading_seconds(text)
        elif duration and "voice" not in raw:
            self._voice_fits(raw, "duration", text, duration, "the step")
        line = self.doc.key_mark(raw, "say")[0]
        return SayStep(text, duration, voice, line, "duration" in raw) if duration else None

    def _voice_fits(
        self, raw: dict[str, Any], key: str, text: str, seconds: float, what: str
    ) -> None:
        """Warn when the synthetic voice (estimated) would not fit in ``seconds``."""
        need = estimate_seconds(text)
        if self.english and need + VOICE_TAIL > seconds:
            self.warn_at(
                raw,
                key,
                f"the voice needs about {need:.1f} s to say this, longer than {what} "
                f"({seconds:g} s); the step will be lengthened to fit",
                f"give it {math.ceil(need + VOICE_TAIL + 1)}s or more, shorten the text, "
                "or leave out the duration so the voice sets it",
            )

    def _step_silence(self, raw: dict[str, Any]) -> SilenceStep | None:
        duration = self.duration(raw, "silence", "silence")
        prompt = self.prose(raw, "prompt", "prompt") if "prompt" in raw else ""
        if duration and prompt:
            self._voice_fits(raw, "silence", prompt, duration, "the silence")
        return (
            SilenceStep(duration, prompt, self.doc.key_mark(raw, "silence")[0])
            if duration
            else None
        )

    def _step_bell(self, raw: dict[str, Any]) -> BellStep | None:
        sound = self.sound_name(raw, "bell", CUE_SOUNDS, "bell") if raw["bell"] else None
        if raw["bell"] in (None, ""):
            sound = "singing-bowl"
        duration = self.duration(raw, "duration", "duration") if "duration" in raw else BELL_SECONDS
        if sound is None or duration is None:
            return None
        return BellStep(sound, duration, self.doc.key_mark(raw, "bell")[0])

    def _step_reflect(self, raw: dict[str, Any]) -> ReflectStep | None:
        d = self.mapping(raw, "reflect", "reflect")
        if d is None:
            return None
        self.check_keys(d, ("prompt", "save_as"), ("prompt",), "reflect")
        prompt = self.prose(d, "prompt", "prompt") if "prompt" in d else ""
        name = self._save_as(d)
        return ReflectStep(prompt, name, self.doc.key_mark(raw, "reflect")[0])

    def _step_check_in(self, raw: dict[str, Any]) -> CheckInStep | None:
        d = self.mapping(raw, "check_in", "check_in")
        if d is None:
            return None
        self.check_keys(d, ("question", "save_as", "labels"), ("question",), "check_in")
        question = self.prose(d, "question", "question") if "question" in d else ""
        labels = ("not at all", "completely")
        if "labels" in d:
            got = self.text_list(d, "labels", "labels")
            if len(got) != 2:
                self.error_at(
                    d,
                    "labels",
                    "labels must be two words: the low end and the high end",
                    "for example [not at all, completely]",
                )
            else:
                labels = (got[0], got[1])
        name = self._save_as(d)
        return CheckInStep(question, name, labels, self.doc.key_mark(raw, "check_in")[0])

    def _step_checklist(self, raw: dict[str, Any]) -> ChecklistStep | None:
        d = self.mapping(raw, "checklist", "checklist")
        if d is None:
            return None
        self.check_keys(d, ("title", "items"), ("title", "items"), "checklist")
        title = self.prose(d, "title", "title") if "title" in d else ""
        items = self.text_list(d, "items", "items")
        if "items" in d and not items:
            self.error_at(d, "items", "a checklist needs at least one item")
        return ChecklistStep(title, items, self.doc.key_mark(raw, "checklist")[0])

    def _save_as(self, d: dict[str, Any]) -> str | None:
        if "save_as" not in d:
            return None
        name = self.text(d, "save_as", "save_as")
        if name and not NAME.match(name):
            self.error_at(
                d,
                "save_as",
                f'"{name}" is not a valid name',
                "use lowercase letters, digits and _ like intention or settled_before",
            )
            return None
        self.saved.add(name)
        return name or None

    def _step_breathe(self, raw: dict[str, Any]) -> BreatheStep | None:
        from kapcompanion.core.breath import read_breathe

        return read_breathe(self, raw)


def _seconds(step: Step) -> float:
    match step:
        case SayStep(duration=d) | SilenceStep(duration=d) | BellStep(duration=d):
            return d
        case BreatheStep(pattern=p, cycles=n):
            return p.cycle_seconds * n
    return 0.0


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "my-practice"
