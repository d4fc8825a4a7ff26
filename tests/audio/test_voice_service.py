"""Background synthesis: order of need, waiting, lengths, privacy, failures."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from kapcompanion.audio.voice import (
    SAMPLE_RATE,
    VoiceCache,
    VoiceEngine,
    VoiceService,
    VoiceUnavailable,
)
from kapcompanion.audio.voice.cache import SUFFIX
from kapcompanion.core.spoken import Spoken

TEXTS = ["Welcome.", "Let your eyes close.", "Notice your feet.", "Breathe out slowly."]


@pytest.fixture(scope="module")
def engine() -> VoiceEngine:
    return VoiceEngine()


def test_texts_are_said_in_order_of_need(engine: VoiceEngine, tmp_path: Path) -> None:
    done: list[str] = []
    lock = threading.Lock()
    with VoiceService(engine, VoiceCache(tmp_path)) as service:
        futures = []
        for text in TEXTS:
            fut = service.future(text)
            fut.add_done_callback(
                lambda _f, t=text: (lock.acquire(), done.append(t), lock.release())
            )
            futures.append(fut)
        last = service.wait(TEXTS[-1], timeout=60)
        assert last is not None and last.dtype == np.float32
        for f in futures:
            f.result(timeout=60)
        assert done == TEXTS
        assert all(service.ready(t) for t in TEXTS)
        lengths = service.lengths()
        assert set(lengths) == set(TEXTS)
        assert service.seconds(TEXTS[0]) == len(service.clip(TEXTS[0])) / SAMPLE_RATE
        assert service.pending() == 0 and service.error is None
        assert service.seconds("never asked") is None and service.clip("never asked") is None


def test_first_puts_a_text_before_those_queued(engine: VoiceEngine) -> None:
    order: list[str] = []
    lock = threading.Lock()
    many = [f"Sentence number {i} of a long practice." for i in range(12)]
    with VoiceService(engine) as service:
        for text in many:
            service.future(text).add_done_callback(
                lambda _f, t=text: (lock.acquire(), order.append(t), lock.release())
            )
        service.request([many[-1]], first=True)  # a skip ahead: the last is needed now
        service.wait(many[-2], timeout=60)
        service.wait(many[-1], timeout=60)
    assert order.index(many[-1]) < order.index(many[-2])
    assert order.index(many[-1]) <= 2  # at most the one or two already being said


def test_a_warm_cache_synthesises_nothing(engine: VoiceEngine, tmp_path: Path) -> None:
    with VoiceService(engine, VoiceCache(tmp_path)) as cold:
        cold.request(TEXTS)
        first = [cold.wait(t, 60) for t in TEXTS]
        assert cold.synthesised == len(TEXTS) and cold.cache_hits == 0
    with VoiceService(engine, VoiceCache(tmp_path)) as warm:  # as after a restart
        warm.request(TEXTS)
        again = [warm.wait(t, 60) for t in TEXTS]
        assert warm.synthesised == 0 and warm.cache_hits == len(TEXTS)
    assert [len(a) for a in again] == [len(f) for f in first]  # lengths agree to the sample


def test_private_texts_are_spoken_but_never_written(engine: VoiceEngine, tmp_path: Path) -> None:
    cache = VoiceCache(tmp_path)
    mine = Spoken("Before your session you wrote: to forgive my father", 0, "say", True)
    with VoiceService(engine, cache) as service:
        service.request([Spoken("Welcome.", 0, "say"), mine])
        assert service.wait(mine.text, 60) is not None
        assert service.wait("Welcome.", 60) is not None
        assert ("heart", 1.0, "Welcome.") in cache
        assert ("heart", 1.0, mine.text) not in cache
        assert len(list(tmp_path.glob(f"*{SUFFIX}"))) == 1
        # Asked again later without the flag, it is still private (once private, always).
        service.request([mine.text])
        service.forget_private()
        assert not service.ready(mine.text) and service.ready("Welcome.")
    assert len(list(tmp_path.iterdir())) == 1


def test_a_voice_that_cannot_load_fails_every_text_once(tmp_path: Path) -> None:
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"not a model")
    notices: list[VoiceUnavailable] = []
    with VoiceService(VoiceEngine(model=bad), on_error=notices.append) as service:
        service.request(TEXTS)
        assert all(service.wait(t, 30) is None for t in TEXTS)
        assert service.error is not None and service.error.whole_voice
        assert len(notices) == 1
        with pytest.raises(VoiceUnavailable):
            service.future("Asked afterwards.").result(5)


class _OneBadText(VoiceEngine):
    """The real voice, except that one text fails (as an odd input might)."""

    def synthesize(self, text: str, speed: float = 1.0) -> np.ndarray:
        if text == "BAD":
            raise VoiceUnavailable("A passage of this practice could not be spoken.", "text")
        return super().synthesize(text, speed)


def test_one_text_that_fails_fails_alone() -> None:
    with VoiceService(_OneBadText()) as service:
        service.request(["Before.", "BAD", "After."])
        assert service.wait("BAD", 60) is None
        assert service.wait("After.", 60) is not None and service.wait("Before.", 60) is not None
        assert service.error is None


def test_preload_loads_the_voice_in_the_background(tmp_path: Path) -> None:
    engine = VoiceEngine()
    with VoiceService(engine) as service:
        service.preload()
        deadline = 60.0
        while not engine.loaded and deadline > 0:
            threading.Event().wait(0.05)
            deadline -= 0.05
        assert engine.loaded and service.error is None
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"nope")
    notices: list[VoiceUnavailable] = []
    with VoiceService(VoiceEngine(model=bad), on_error=notices.append) as service:
        service.preload()
        with pytest.raises(VoiceUnavailable):
            service.future("Hello.").result(30)
    assert len(notices) == 1
