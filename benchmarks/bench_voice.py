"""The synthetic voice: synthesis speed, cold and warm start of a practice, memory.

Each measurement runs in a fresh child process (a clean interpreter, as a user's launch
would be), pinned to one CPU core with onnxruntime on one thread:

* synthesis speed: the say texts of the built-in practices, about two minutes of speech,
  synthesised one after another (the model loaded and warmed up first);
* cold cache: a 7-minute built-in practice (body-scan-short) from an empty cache — the
  time from Play to the first clip with the voice preloaded (as when the practice's page
  opens), and from nothing at all (hibari not yet imported); and whether every later
  clip is ready before the practice reaches it (synthesis running while the practice
  plays, from Play on);
* warm cache: the same practice again in a new process, every clip from the disk cache;
* memory: resident memory after the whole practice is synthesised and held in memory.

Run: python benchmarks/bench_voice.py [--json out.json]
Targets: at least 30x real time on one core; first clip within 1.0 s of Play on a cold
cache (voice preloaded; 2.0 s from nothing); every clip ready before it is needed; warm
cache under 0.5 s for the whole practice; resident memory at most 300 MiB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _common

ROOT = _common.ROOT
PRACTICE = ROOT / "scripts" / "prepare" / "body-scan-short.yaml"
SPEECH_SECONDS = 120.0


def _pin() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def _rss_mib(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def child_speed() -> dict[str, float]:
    """Synthesise ~2 minutes of built-in say texts; seconds of audio and of work."""
    import yaml

    from kapcompanion.audio.voice import SAMPLE_RATE, VoiceEngine

    texts: list[str] = []
    for path in sorted((ROOT / "scripts").glob("*/*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for step in doc.get("steps", []) if isinstance(doc, dict) else []:
            if isinstance(step, dict) and "say" in step and str(step["say"]) not in texts:
                texts.append(str(step["say"]))
    engine = VoiceEngine(threads=1)
    engine.synthesize("Warm up.")
    audio = work = cpu = 0.0
    for text in texts:
        t0, c0 = time.perf_counter(), time.process_time()
        clip = engine.synthesize(text)
        work += time.perf_counter() - t0
        cpu += time.process_time() - c0
        audio += len(clip) / SAMPLE_RATE
        if audio >= SPEECH_SECONDS:
            break
    return {"audio": audio, "wall": work, "cpu": cpu, "texts": float(len(texts))}


def child_practice(cache: str, preload: bool) -> dict[str, float]:
    """Play-from-cold (or warm): first clip, readiness against need, memory.

    Without ``preload`` the clock starts before anything of the voice is imported; with
    it, the voice is loaded first (as when the practice's page opens) and the clock
    starts at Play.
    """
    t_play = time.perf_counter()
    from kapcompanion.audio.voice import SAMPLE_RATE, VoiceCache, VoiceEngine, VoiceService
    from kapcompanion.core.loader import load_practice
    from kapcompanion.core.spoken import spoken_items
    from kapcompanion.core.timeline import compile_practice

    practice = load_practice(PRACTICE)
    items = spoken_items(practice)
    ready: dict[str, float] = {}
    engine = VoiceEngine(threads=1)
    service = VoiceService(engine, VoiceCache(Path(cache)))
    if preload:
        service.preload()
        while not engine.loaded:
            time.sleep(0.01)
        t_play = time.perf_counter()
    for item in items:
        service.future(item).add_done_callback(
            lambda _f, t=item.text: ready.setdefault(t, time.perf_counter() - t_play)
        )
    clips = {i.text: service.wait(i.text, 120) for i in items}
    all_ready = time.perf_counter() - t_play
    lengths = {t: len(c) / SAMPLE_RATE for t, c in clips.items() if c is not None}
    timeline = compile_practice(practice, voice_lengths=lengths)
    # How much later than its cue (counted from Play) the latest clip was ready.
    late = max(ready[c.sound] - c.time for c in timeline.speech)
    first = min(ready.values())
    out = {
        "first": first,
        "all": all_ready,
        "late": late,
        "total": timeline.total,
        "speech": sum(lengths.values()),
        "texts": float(len(items)),
        "synthesised": float(service.synthesised),
        "hits": float(service.cache_hits),
        "rss": _rss_mib("VmRSS"),
        "hwm": _rss_mib("VmHWM"),
    }
    service.close()
    return out


def run_child(*args: str) -> dict[str, float]:
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])
    )
    done = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", type=Path)
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        _pin()
        mode = args.child[0]
        if mode == "speed":
            print(json.dumps(child_speed()))
        else:
            print(json.dumps(child_practice(args.child[1], mode == "preloaded")))
        return
    speed = run_child("speed")
    x_rt = speed["audio"] / speed["wall"]
    print(
        f"synthesis: {speed['audio']:.1f} s of speech in {speed['wall']:.2f} s "
        f"({x_rt:.0f}x real time, CPU {speed['cpu']:.2f} s, one core, one thread)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        nothing = run_child("practice", str(Path(tmp) / "a"))
        cold = run_child("preloaded", str(Path(tmp) / "b"))
        warm = run_child("practice", str(Path(tmp) / "b"))
    runs = (("cold, nothing loaded", nothing), ("cold, voice preloaded", cold), ("warm", warm))
    for name, r in runs:
        print(
            f"{name} cache: {r['texts']:.0f} texts, {r['speech']:.0f} s of speech in a "
            f"{r['total'] / 60:.1f}-minute practice; first clip {r['first'] * 1000:.0f} ms, "
            f"all {r['all']:.2f} s, latest clip {-r['late']:.1f} s before its cue; "
            f"synthesised {r['synthesised']:.0f}, from cache {r['hits']:.0f}; "
            f"resident {r['rss']:.0f} MiB (peak {r['hwm']:.0f} MiB)"
        )
    rows = [
        # report() wants "lower is better": the time budget 30x allows for the speech
        ("synthesis seconds, ~2 min of speech (target = 30x)", speed["wall"],
         round(speed["audio"] / 30, 2), "s"),
        ("cold cache, voice preloaded: Play to first clip", cold["first"], 1.0, "s"),
        ("cold cache, nothing loaded: start to first clip", nothing["first"], 2.0, "s"),
        ("cold cache: latest clip ready after its cue", nothing["late"], 0.0, "s"),
        ("warm cache: whole practice's clips loaded", warm["all"], 0.5, "s"),
        ("resident memory, voice loaded, practice held", nothing["hwm"], 300.0, "Mi"),
    ]  # fmt: skip
    _common.report("Synthetic voice (hibari-tts)", rows, args.json)


if __name__ == "__main__":
    main()
