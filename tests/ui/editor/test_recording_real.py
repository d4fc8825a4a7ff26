"""Recording for real: the editor's recorder against a virtual microphone, no mocks.

A private PulseAudio server (started here, killed at the end) has two null sinks: a
"tone player", whose monitor feeds two virtual microphones (module-remap-source, because
Qt leaves monitor sources out of QMediaDevices.audioInputs()), and "speakers", the default
output that Listen back plays into. ``paplay`` plays a known tone into the tone player
while the recorder records through its real QAudioSource; ``parec`` listens to the
speakers during Listen back.

QtMultimedia connects to PulseAudio once, when it is first used, and other editor tests
use it first (without this server). So the cases (functions named ``case_*``) run in a
fresh Python process that sees the server from the start; the ``test_*`` functions here
start the server, run that process once (with a time limit), and report each case.
Without the ``pulseaudio`` binary (most developer machines), everything here is skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kapcompanion.audio.sounds import RATE
from kapcompanion.audio.synth import CUE_LOUDNESS_DB, loudness_db, peak_db
from kapcompanion.audio.voice_clip import MARGIN_S, PEAK_LIMIT_DB
from kapcompanion.core.loader import check_file
from kapcompanion.paths import user_practices_dir
from tests.procs import stop

ROOT = Path(__file__).resolve().parents[3]
CHILD_FLAG = "KAP_VIRTUAL_MIC"
#: The child run's time limit; a hang anywhere ends in a failure, never a stuck suite.
CHILD_TIMEOUT_S = 300
#: The virtual microphones: (PulseAudio source, description shown in the dialog, spec).
MICS = {
    "mic48": ("Virtual microphone 48 kHz stereo", "format=float32le rate=48000 channels=2"),
    "mic16": (
        "Virtual microphone 16 kHz mono",
        "format=s16le rate=16000 channels=1 channel_map=mono",
    ),
}
CASES = [
    "case_the_virtual_microphones_are_offered",
    "case_a_take_holds_the_tone_and_a_retake_replaces_it[mic48]",
    "case_a_take_holds_the_tone_and_a_retake_replaces_it[mic16]",
    "case_listen_back_plays_the_take_once_to_the_end",
    "case_the_editor_records_levels_and_saves_the_clip",
]
TOOLS = ("pulseaudio", "pactl", "paplay", "parec")


# -- the server (parent process) -------------------------------------------------------


def _pulse_script(sock: Path) -> str:
    lines = [
        "load-module module-null-sink sink_name=tones sink_properties=device.description=Tones",
        "load-module module-null-sink sink_name=speakers "
        "sink_properties=device.description=Speakers",
    ]
    for name, (description, spec) in MICS.items():
        lines.append(
            f"load-module module-remap-source master=tones.monitor source_name={name} {spec} "
            f"source_properties=\"device.description='{description}'\""
        )
    lines += [
        f"load-module module-native-protocol-unix socket={sock} auth-anonymous=1",
        "set-default-sink speakers",
        "set-default-source mic48",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def pulse_server() -> Iterator[dict[str, str]]:
    """A private PulseAudio server; yields the environment a client needs to reach it."""
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        pytest.skip(
            f"PulseAudio is not installed ({', '.join(missing)} not found); "
            "install pulseaudio and pulseaudio-utils to test recording for real"
        )
    home = Path(tempfile.mkdtemp(prefix="kap-pulse-"))  # short: socket paths are limited
    sock = home / "pulse.sock"
    script = home / "kap.pa"
    script.write_text(_pulse_script(sock), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PULSE_")}
    env.update(
        HOME=str(home),
        XDG_RUNTIME_DIR=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        PULSE_RUNTIME_PATH=str(home / "runtime"),
        PULSE_STATE_PATH=str(home / "state"),
    )
    log = (home / "server.log").open("wb")
    server = subprocess.Popen(
        [
            "pulseaudio",
            "-n",
            "--daemonize=no",
            "--system=false",
            "--exit-idle-time=-1",
            "--use-pid-file=false",
            "--disallow-exit",
            "--log-target=stderr",
            "-F",
            str(script),
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    client = {"PULSE_SERVER": f"unix:{sock}", "QT_AUDIO_BACKEND": "pulseaudio"}
    try:
        deadline = time.monotonic() + 20
        while True:
            probe = subprocess.run(
                ["pactl", "list", "short", "sources"],
                env={**env, **client},
                capture_output=True,
                text=True,
                timeout=10,
            )
            if probe.returncode == 0 and all(name in probe.stdout for name in MICS):
                break
            if server.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail(
                    "the private PulseAudio server did not start:\n"
                    + (home / "server.log").read_text(errors="replace")[-3000:]
                )
            time.sleep(0.1)
        yield client
    finally:
        stop(server, timeout=10)
        log.close()
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="module")
def child_results(
    pulse_server: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str | None]:
    """Run the cases once in a fresh process; each case's failure text (None: passed)."""
    report = tmp_path_factory.mktemp("real-audio") / "cases.xml"
    env = {**os.environ, **pulse_server, CHILD_FLAG: "1"}
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "-o",
        "python_functions=case_*",
        f"--junitxml={report}",
        str(Path(__file__).relative_to(ROOT)),
    ]
    try:
        run = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=CHILD_TIMEOUT_S
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"the recording cases did not finish within {CHILD_TIMEOUT_S} s:\n{exc}")
    if not report.is_file():
        pytest.fail(f"the recording cases did not run:\n{run.stdout[-3000:]}{run.stderr[-3000:]}")
    results: dict[str, str | None] = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        problem = next((c for c in case if c.tag in ("failure", "error", "skipped")), None)
        text = None
        if problem is not None:
            text = f"{problem.tag}: {problem.get('message', '')}\n{problem.text or ''}"
        results[case.get("name", "")] = text
    return results


def test_every_case_ran(child_results: dict[str, str | None]) -> None:
    assert sorted(child_results) == sorted(CASES)


@pytest.mark.parametrize("case", CASES)
def test_real_recording(child_results: dict[str, str | None], case: str) -> None:
    assert case in child_results, f"{case} did not run"
    assert child_results[case] is None, child_results[case]


# -- the cases (child process, with the server) ----------------------------------------


@pytest.fixture
def virtual_mics() -> list:
    """The virtual microphones as QtMultimedia lists them (the child process only)."""
    if os.environ.get(CHILD_FLAG) != "1":
        pytest.skip("runs only in the child process that test_real_recording starts")
    from kapcompanion.ui.editor import recorder

    devices = recorder.microphones()
    assert devices, "QtMultimedia lists no microphone although the server is up"
    return devices


def _tone(path: Path, freq: float, seconds: float, amp: float = 0.5) -> Path:
    rate = 48000
    t = np.arange(round(seconds * rate)) / rate
    x = amp * np.sin(2 * np.pi * freq * t)
    ramp = round(0.005 * rate)
    x[:ramp] *= np.linspace(0, 1, ramp)
    x[-ramp:] *= np.linspace(1, 0, ramp)
    sf.write(path, x, rate, subtype="PCM_16")
    return path


def _bytes_per_second(dlg) -> int:
    return dlg.rate * dlg.channels * {"UInt8": 1, "Int16": 2}.get(dlg.format_name, 4)


def _take(qtbot, dlg, tone: Path) -> tuple[list[int], int]:
    """Record ≥0.3 s of silence, the tone played into the mic, ≥0.3 s after; stop.

    Returns the meter readings and how many came before the tone.
    """
    levels: list[int] = []
    dlg.meter.valueChanged.connect(levels.append)
    dlg.record.click()
    assert dlg.source is not None, dlg.status.text()
    assert dlg.stop.isEnabled() and not dlg.record.isEnabled()
    bps = _bytes_per_second(dlg)
    qtbot.waitUntil(lambda: len(dlg.raw) >= 0.3 * bps, timeout=15000)
    quiet = len(levels)
    player = subprocess.Popen(["paplay", "--device=tones", str(tone)])
    try:
        qtbot.waitUntil(lambda: player.poll() is not None, timeout=30000)
    finally:
        if player.poll() is None:
            player.kill()
    assert player.returncode == 0
    after = len(dlg.raw)
    qtbot.waitUntil(lambda: len(dlg.raw) >= after + 0.3 * bps, timeout=15000)
    dlg.stop.click()
    dlg.meter.valueChanged.disconnect(levels.append)
    return levels, quiet


def _samples(dlg) -> np.ndarray:
    assert dlg.samples is not None, dlg.status.text()
    return dlg.samples


def _analyse(x: np.ndarray, rate: int = RATE) -> dict[str, float]:
    """The loud part of ``x``: its length, RMS, main frequency and share of energy there."""
    block = rate // 100
    n = len(x) // block
    rms = np.sqrt(np.mean(np.square(x[: n * block].reshape(n, block)), axis=1))
    loud = np.flatnonzero(rms > 0.05)
    assert len(loud), "the take is silent"
    part = x[loud[0] * block : (loud[-1] + 1) * block]
    spectrum = np.abs(np.fft.rfft(part * np.hanning(len(part)))) ** 2
    freqs = np.fft.rfftfreq(len(part), 1 / rate)
    main = float(freqs[np.argmax(spectrum)])
    near = np.abs(freqs - main) <= 20
    return {
        "seconds": len(loud) / 100,
        "rms": float(np.sqrt(np.mean(np.square(part[block:-block])))),
        "freq": main,
        "purity": float(spectrum[near].sum() / spectrum.sum()),
        # before the tone's onset (the block or two where it rises are left out)
        "lead_peak": float(np.max(np.abs(x[: max(0, loud[0] - 2) * block]), initial=0.0)),
    }


def case_the_virtual_microphones_are_offered(virtual_mics, open_editor, qtbot) -> None:
    from kapcompanion.ui.editor.recorder import RecordDialog

    names = sorted(d.description() for d in virtual_mics)
    assert names == sorted(description for description, _spec in MICS.values())
    ed = open_editor()
    qtbot.waitUntil(lambda: len(ed.voice_actions.devices) == len(MICS), timeout=10000)
    ed.steps.select(0)
    assert ed.voice.record.isEnabled()
    assert not ed.voice.no_mic.isVisibleTo(ed)
    dlg = RecordDialog(ed.voice_actions.devices, ed)
    qtbot.addWidget(dlg)
    offered = sorted(dlg.mic.itemText(i) for i in range(dlg.mic.count()))
    assert offered == names


@pytest.mark.parametrize("mic", list(MICS))
def case_a_take_holds_the_tone_and_a_retake_replaces_it(virtual_mics, qtbot, tmp_path, mic) -> None:
    from kapcompanion.ui.editor.recorder import RecordDialog

    dlg = RecordDialog(virtual_mics)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.mic.setCurrentText(MICS[mic][0])
    levels, quiet = _take(qtbot, dlg, _tone(tmp_path / "a440.wav", 440, 1.5))
    spec = MICS[mic][1]
    assert dlg.rate == int(spec.split("rate=")[1].split()[0])  # the device's own rate
    assert max(levels[:quiet], default=0) <= 5  # silence reads as silence
    assert max(levels[quiet:]) >= 85  # a -6 dBFS peak reads 90 on the -60..0 dB meter
    assert dlg.meter.value() == 0
    assert dlg.listen.isEnabled() and dlg.use.isEnabled() and not dlg.stop.isEnabled()
    assert dlg.record.text() == "Record again"
    assert "Recorded" in dlg.status.text()
    first = _analyse(_samples(dlg))
    print(f"{mic} first take: {first}, meter max {max(levels[quiet:])}")
    assert abs(first["freq"] - 440) <= 2, first  # resampled to RATE at the right pitch
    assert first["seconds"] == pytest.approx(1.5, abs=0.05), first
    assert first["rms"] == pytest.approx(0.5 / np.sqrt(2), rel=0.05), first  # -9 dBFS
    assert first["purity"] >= 0.95, first  # no clicks, gaps or channel mix-ups
    assert first["lead_peak"] < 1e-3, first

    levels, _ = _take(qtbot, dlg, _tone(tmp_path / "e660.wav", 660, 1.0))
    second = _analyse(_samples(dlg))
    print(f"{mic} re-take: {second}")
    assert abs(second["freq"] - 660) <= 2, second
    assert second["seconds"] == pytest.approx(1.0, abs=0.05), second
    spectrum = np.abs(np.fft.rfft(_samples(dlg))) ** 2
    freqs = np.fft.rfftfreq(len(_samples(dlg)), 1 / RATE)
    at_440 = spectrum[np.abs(freqs - 440) <= 20].sum() / spectrum.sum()
    assert at_440 < 0.001  # nothing of the first take is left


def case_listen_back_plays_the_take_once_to_the_end(virtual_mics, qtbot, tmp_path) -> None:
    from kapcompanion.ui.editor.recorder import RecordDialog

    dlg = RecordDialog(virtual_mics)
    qtbot.addWidget(dlg)
    dlg.show()
    _take(qtbot, dlg, _tone(tmp_path / "e660.wav", 660, 1.0))
    take = len(_samples(dlg)) / RATE
    heard = tmp_path / "speakers.wav"
    listener = subprocess.Popen(
        ["parec", "--device=speakers.monitor", "--file-format=wav", "--channels=1", str(heard)]
    )
    try:
        dlg.listen.click()
        dlg.listen.click()  # a second press starts over, it does not play on top
        assert dlg.sink is not None and dlg.stop.isEnabled()
        assert dlg.qm is not None and dlg.sink.error() == dlg.qm.QtAudio.Error.NoError
        streams = subprocess.run(
            ["pactl", "list", "short", "sink-inputs"], capture_output=True, text=True, timeout=10
        ).stdout
        assert len(streams.splitlines()) <= 1, streams
        # When the take has played to its end, the dialog lets the output go by itself.
        qtbot.waitUntil(lambda: dlg.sink is None, timeout=int(take * 1000) + 15000)
        assert not dlg.stop.isEnabled() and dlg.listen.isEnabled() and dlg.use.isEnabled()
    finally:
        listener.terminate()
        listener.wait(timeout=10)
    heard_x, heard_rate = sf.read(heard, dtype="float64")
    result = _analyse(heard_x, heard_rate)
    print(f"heard from the speakers: {result}")
    assert abs(result["freq"] - 660) <= 2, result
    assert result["seconds"] == pytest.approx(1.0, abs=0.1), result


def case_the_editor_records_levels_and_saves_the_clip(
    virtual_mics, open_editor, qtbot, tmp_path
) -> None:
    """Record from the editor's Record button through the modal dialog to the saved clip."""
    from kapcompanion.ui.editor.recorder import RecordDialog

    ed = open_editor()
    qtbot.waitUntil(lambda: bool(ed.voice_actions.devices), timeout=10000)
    ed.steps.select(0)
    tone = _tone(tmp_path / "a440.wav", 440, 1.5)
    seen: dict[str, object] = {}

    def drive() -> None:  # runs inside the dialog's own event loop
        dlg = QApplication.activeModalWidget()
        try:
            assert isinstance(dlg, RecordDialog), dlg
            _take(qtbot, dlg, tone)
            seen["take"] = _samples(dlg).copy()
            dlg.use.click()
        except BaseException as exc:  # never leave a modal dialog open
            seen["error"] = exc
            if isinstance(dlg, RecordDialog):
                dlg.reject()

    def start() -> None:
        try:
            qtbot.waitUntil(
                lambda: isinstance(QApplication.activeModalWidget(), RecordDialog), timeout=10000
            )
        except BaseException as exc:
            seen["error"] = exc
            return
        drive()

    QTimer.singleShot(0, start)
    ed.voice.record.click()
    if "error" in seen:
        raise seen["error"]  # type: ignore[misc]
    assert "take" in seen

    clip = user_practices_dir() / "audio" / "my-practice-step1.ogg"
    assert clip.is_file()
    assert "voice: audio/my-practice-step1.ogg" in ed.text
    assert ed.valid, ed.diagnostics
    decoded, rate = sf.read(clip, dtype="float64")
    assert rate == RATE
    result = _analyse(decoded)
    print(
        f"saved clip: {result}, {len(decoded) / RATE:.3f} s, "
        f"loudness {loudness_db(decoded):.2f} dB, peak {peak_db(decoded):.2f} dBFS"
    )
    assert abs(result["freq"] - 440) <= 2, result
    assert len(decoded) / RATE == pytest.approx(1.5 + 2 * MARGIN_S, abs=0.06)  # trimmed
    assert abs(loudness_db(decoded) - CUE_LOUDNESS_DB) <= 1.0
    assert peak_db(decoded) <= PEAK_LIMIT_DB + 0.5
    assert ed.practice.steps[0].voice == clip
    assert ed.save()
    practice, problems = check_file(user_practices_dir() / "my-practice.yaml")
    assert practice is not None and not [d for d in problems if d.is_error]
    assert practice.steps[0].voice == clip  # the relative voice: path, read back from disk
