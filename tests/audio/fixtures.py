"""Small real sound files and practices for the audio tests (generated, not mocked)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf

from kapcompanion.core.model import (
    AMBIENT_SOUNDS,
    CUE_SOUNDS,
    BellStep,
    BreatheStep,
    BreathPattern,
    PhaseCues,
    Practice,
    ReflectStep,
    SayStep,
    SilenceStep,
    SoundSettings,
    Step,
)

RATE = 44100


def bell(seconds: float = 0.8, freq: float = 880.0, rate: int = RATE) -> np.ndarray:
    """A bell with a sharp onset at sample 0 and an exponential decay."""
    t = np.arange(int(seconds * rate)) / rate
    return (0.6 * np.sin(2 * np.pi * freq * t) * np.exp(-t * 5.0)).astype(np.float32)


def bed(seconds: float = 2.0, rate: int = RATE, seed: int = 1) -> np.ndarray:
    """Quiet filtered noise, stereo."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((int(seconds * rate), 2)).astype(np.float32)
    x = np.cumsum(x, axis=0)
    x -= np.linspace(x[0], x[-1], len(x))  # brown-ish, ends where it starts
    return (0.3 * x / np.abs(x).max()).astype(np.float32)


def write_sounds(folder: Path) -> dict[str, Path]:
    """Write every bundled-name sound (as WAV) plus a voice clip at 22050 Hz mono."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for i, name in enumerate(CUE_SOUNDS):
        p = folder / f"{name}.wav"
        sf.write(p, bell(0.6, 440.0 + 110 * i), RATE)
        paths[name] = p
    for i, name in enumerate(AMBIENT_SOUNDS):
        p = folder / f"{name}.wav"
        sf.write(p, bed(2.0, seed=i + 1), RATE)
        paths[name] = p
    t = np.arange(int(1.5 * 22050)) / 22050
    voice = (0.5 * np.sin(2 * np.pi * 220 * t)).astype(np.float32)
    p = folder / "voice.wav"
    sf.write(p, voice, 22050)
    paths["voice"] = p
    return paths


def resolver_for(paths: dict[str, Path]):
    def resolve(name: str) -> Path:
        return paths[name] if name in paths else Path(name)

    return resolve


def practice(steps: list[Step], *, ambient: str | None = None, volume: float = 0.5) -> Practice:
    return Practice(
        id="test-practice",
        title="Test practice",
        category="anytime",
        summary="A practice for tests.",
        steps=tuple(steps),
        sound=SoundSettings(ambient=ambient, ambient_volume=volume),
    )


def bells_at(times: list[float], sound: str = "soft-bell", end: float = 1.0) -> Practice:
    """A practice of bell steps, each bell at the given absolute time."""
    steps: list[Step] = []
    if times and times[0] > 0:
        steps.append(SilenceStep(duration=times[0]))
    for i, at in enumerate(times):
        nxt = times[i + 1] if i + 1 < len(times) else at + end
        steps.append(BellStep(sound=sound, duration=nxt - at))
    return practice(steps)


def mixed(voice: Path | None, *, ambient: str | None = "rain") -> Practice:
    """Voice, breathing with cues, a reflect gate, a bell: a bit of everything."""
    steps: list[Step] = [
        SayStep(text="Welcome.", duration=2.0, voice=voice),
        BreatheStep(
            pattern=BreathPattern(inhale=(1.0,), exhale=1.5),
            cycles=2,
            cues=PhaseCues(inhale="rise", exhale="fall"),
        ),
        ReflectStep(prompt="What is here for you?"),
        BellStep(sound="singing-bowl", duration=1.5),
    ]
    return practice(steps, ambient=ambient)
