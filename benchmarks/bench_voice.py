"""The synthetic voice: synthesis speed, cold and warm start of a practice, memory.

Each measurement runs in a fresh child process (a clean interpreter, as a user's launch
would be), pinned to one CPU core with onnxruntime on one thread:

* synthesis speed: the say texts of the built-in practices, about two minutes of speech,
  synthesised one after another (the model loaded and warmed up first), with hibari's
  dictionaries in memory and read from the pronunciation store (alternated, twice each);
* cold cache: a 7-minute built-in practice (body-scan-short) from an empty cache — the
  time from Play to the first clip with the voice preloaded (as when the practice's page
  opens), and from nothing at all (hibari not yet imported); and whether every later
  clip is ready before the practice reaches it (synthesis running while the practice
  plays, from Play on);
* warm cache: the same practice again in a new process, every clip from the disk cache;
* memory: resident memory after the whole practice is synthesised and held in memory.

The practice runs read the pronunciation store, made first (as on every start but the
very first after installing).

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


def child_speed(lexicon: str | None = None) -> dict[str, float]:
    """Synthesise ~2 minutes of built-in say texts; seconds of audio and of work.

    ``lexicon``: the pronunciation store's folder (None: hibari's dictionaries in memory).
    """
    import yaml

    from kapcompanion.audio.voice import SAMPLE_RATE, VoiceEngine

    texts: list[str] = []
    for path in sorted((ROOT / "scripts").glob("*/*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for step in doc.get("steps", []) if isinstance(doc, dict) else []:
            if isinstance(step, dict) and "say" in step and str(step["say"]) not in texts:
                texts.append(str(step["say"]))
    engine = VoiceEngine(threads=1, lexicon=Path(lexicon) if lexicon else None, build_lexicon=False)
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
    return {
        "audio": audio,
        "wall": work,
        "cpu": cpu,
        "texts": float(len(texts)),
        "store": float(engine.from_store),
    }


def child_g2p(lexicon: str) -> dict[str, float]:
    """Text → phonemes for every say text of the library: hibari's dicts vs the store (CPU s).

    Both in this one process, alternated three times, best of each (a fresh G2P each
    time, so the store's lookups start cold): the store's own cost, apart from the model.
    """
    import yaml
    from hibari import Hibari
    from hibari.g2p import G2P

    from kapcompanion.audio.voice import lexicon_store
    from kapcompanion.audio.voice.lean import StoreG2P

    texts: list[str] = []
    for path in sorted((ROOT / "scripts").glob("*/*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for step in doc.get("steps", []) if isinstance(doc, dict) else []:
            if isinstance(step, dict) and "say" in step and str(step["say"]) not in texts:
                texts.append(str(step["say"]))
    best = {"memory": float("inf"), "store": float("inf")}
    for _ in range(3):
        for kind in best:
            if kind == "memory":
                g2p: G2P = G2P()
            else:
                got = lexicon_store.connect(Path(lexicon), "heart", build_missing=False)
                assert got is not None
                g2p = StoreG2P(got[0])
            g2p("Warm up.")  # the out-of-vocabulary net loads on first use
            c0 = time.process_time()
            for text in texts:
                for sentence in Hibari.split_sentences(text):
                    g2p(sentence)
            best[kind] = min(best[kind], time.process_time() - c0)
    return {**best, "texts": float(len(texts))}


def child_practice(cache: str, preload: bool, lexicon: str) -> dict[str, float]:
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
    engine = VoiceEngine(threads=1, lexicon=Path(lexicon), build_lexicon=False)
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
        if mode == "g2p":
            print(json.dumps(child_g2p(args.child[1])))
        elif mode == "speed":
            print(json.dumps(child_speed(args.child[1] if len(args.child) > 1 else None)))
        else:
            print(json.dumps(child_practice(args.child[1], mode == "preloaded", args.child[2])))
        return
    from kapcompanion.audio.voice import lexicon_store

    with tempfile.TemporaryDirectory() as tmp:
        store = str(Path(tmp) / "g2p")
        if lexicon_store.prepare(Path(store), "heart") is None:
            raise SystemExit("the pronunciation store could not be made")
        # Alternated, best of two each: the machine's other load moves single runs.
        speeds: dict[str, list[dict[str, float]]] = {"in memory": [], "store": []}
        for _ in range(2):
            speeds["in memory"].append(run_child("speed"))
            speeds["store"].append(run_child("speed", store))
        for name, got in speeds.items():
            parts = ", ".join(
                f"{r['audio'] / r['wall']:.0f}x (CPU {r['audio'] / r['cpu']:.0f}x)" for r in got
            )
            print(f"synthesis, dictionaries {name}: {got[0]['audio']:.1f} s of speech: {parts}")
        speed = min(speeds["store"], key=lambda r: r["wall"])
        g2p = run_child("g2p", store)
        print(
            f"text to phonemes, {g2p['texts']:.0f} say texts (CPU, best of 3): dictionaries "
            f"in memory {g2p['memory']:.3f} s, from the store {g2p['store']:.3f} s"
        )
        nothing = run_child("practice", str(Path(tmp) / "a"), store)
        cold = run_child("preloaded", str(Path(tmp) / "b"), store)
        warm = run_child("practice", str(Path(tmp) / "b"), store)
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
