"""A realistic example journal, for screenshots, benchmarks and tests (never shipped data).

:func:`fill_demo` writes sessions, intentions, reflections, check-ins (including WHO-5
and before/after pairs), checklists, free notes and a practice log, deterministically
from a seed, in as few transactions as practical.
"""

from __future__ import annotations

import logging
import random
from datetime import UTC, date, datetime, time, timedelta

from kapcompanion.journal.store import JournalStore

log = logging.getLogger(__name__)

REFLECTIONS = (
    ("guided-journaling", 1, "stood_out", "What stood out most?"),
    ("guided-journaling", 2, "emotions", "Which emotions came, and where did you feel them?"),
    ("guided-journaling", 3, "for_therapist", "Was anything difficult or confusing?"),
    ("one-week-on", 1, "keep", "What is fading, and what do you want to keep?"),
    ("landing", 4, "first_notes", "A few words about my session, while it is fresh"),
)
WORDS = [
    "warmth in my chest",
    "a memory of the sea",
    "my grandmother's kitchen",
    "feeling held",
    "a wave of sadness that passed",
    "light behind my eyes",
    "the music carried me",
    "I noticed how hard I am on myself",
    "curious about the quiet",
    "tired but steady",
    "slept better",
    "walked by the river",
    "called my sister",
    "a knot in my stomach eased",
]
PRACTICES = ("cyclic-sigh", "box-breathing", "orienting", "grounding-54321", "coherent-breathing")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute)).astimezone().astimezone(UTC)


def fill_demo(
    store: JournalStore, entries: int = 120, end: date | None = None, seed: int = 7
) -> int:
    """Add about ``entries`` entries ending on ``end`` (default today); returns how many."""
    rng = random.Random(seed)
    end = end or date.today()
    per_day = max(1, entries // 30)
    days = max(1, entries // per_day)
    start = end - timedelta(days=days - 1)
    session_days = [start + timedelta(days=d) for d in range(10, days, 28)] or [end]
    sessions = {d: store.add_session(d, "") for d in session_days}
    for d, sid in sessions.items():
        if d <= end:
            store.mark_session_done(sid)
    made = 0
    with store.transaction():
        for n in range(days):
            day = start + timedelta(days=n)
            nearest = min(session_days, key=lambda s: abs((s - day).days))
            sid = sessions[nearest]
            # a practice with a before/after check-in, every day
            pid = PRACTICES[n % len(PRACTICES)]
            t = _at(day, 8, rng.randrange(0, 50))
            store.log_practice(pid, t, rng.uniform(120, 600), rng.random() > 0.1, sid)
            before = rng.randint(2, 7)
            store.record_answer(
                pid,
                0,
                "settled_before",
                "check_in",
                before,
                sid,
                at=t,
                prompt="How settled do you feel right now?",
            )
            store.record_answer(
                pid,
                9,
                "settled_after",
                "check_in",
                min(10, before + rng.randint(0, 3)),
                sid,
                at=t + timedelta(minutes=6),
                prompt="How settled do you feel now, after the practice?",
            )
            made += 2
            if (nearest - day).days in (1, 3, 7):
                store.record_answer(
                    "intention-setting",
                    12,
                    "intention",
                    "reflect",
                    f"To meet {rng.choice(WORDS)} with curiosity",
                    sid,
                    at=_at(day, 19),
                    prompt="My intention for this session is...",
                )
                made += 1
            if n % 7 == 6:
                for i in range(1, 6):
                    store.record_answer(
                        "who5-weekly",
                        2 + i,
                        f"who5_{i}",
                        "check_in",
                        rng.randint(3, 9),
                        sid,
                        at=_at(day, 20, i),
                    )
                made += 5
            while made < (n + 1) * per_day:
                pid2, step, name, prompt = rng.choice(REFLECTIONS)
                text = ". ".join(_cap(rng.choice(WORDS)) for _ in range(rng.randint(1, 4)))
                store.record_answer(
                    pid2,
                    step,
                    name,
                    "reflect",
                    text + ".",
                    sid,
                    at=_at(day, 21, rng.randrange(60)),
                    prompt=prompt,
                )
                made += 1
                if made % 17 == 0:
                    store.add_note(
                        f"{_cap(rng.choice(WORDS))}.", "A note to self", sid, at=_at(day, 22)
                    )
                    made += 1
                if made % 23 == 0:
                    store.record_answer(
                        "set-and-setting",
                        3,
                        None,
                        "checklist",
                        {"Ride home arranged": True, "Light meal eaten": rng.random() > 0.5},
                        sid,
                        at=_at(day, 18),
                    )
                    made += 1
    log.info("demo journal: %d entries over %d days", made, days)
    return made
