"""The Linux bundle, used as a client would: unpacked into an empty folder, run without Python.

``tools/bundle.py --reuse`` builds the bundle (or keeps a build made from the same
sources), the .tar.gz is unpacked into an empty folder, and every run below starts the
unpacked ``kapcompanion`` with ``env -i``: only HOME (a new, empty one), the XDG folders,
DISPLAY where a window is wanted and SDL's dummy audio driver. No PATH, so no Python and
no virtualenv can be found; the source tree is not the working directory.

Skipped (with the reason) when PyInstaller is missing or KAPCOMPANION_SKIP_BUNDLE=1; the
window check skips when Xvfb or a window lister (xdotool, xwininfo) is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from benchmarks._xserver import start_xvfb
from tests.procs import stop

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

SHORT = """\
kapcompanion: 1
id: bundle-check
title: Bundle check
category: anytime
summary: A few seconds of rain and a bell, to check that the bundle plays.
sound:
  ambient: rain
  ambient_volume: 0.2
steps:
  - bell: soft-bell
  - say: Just a moment of rest.
    duration: 3s
"""


#: Two spoken steps around a silence, no ambient sound and no bell: in the rendered file,
#: whatever sound the say steps' windows hold is the voice, and the silence stays silent.
SPOKEN = """\
kapcompanion: 1
id: bundle-voice-check
title: Bundle voice check
category: anytime
summary: Two spoken sentences with quiet between them, to check that the bundle speaks.
steps:
  - say: Breathe in slowly, and let your shoulders soften.
    duration: 6s
  - silence: 4s
  - say: Notice your feet resting on the floor.
    duration: 6s
"""


def _skip_reason() -> str | None:
    if os.environ.get("KAPCOMPANION_SKIP_BUNDLE") == "1":
        return "KAPCOMPANION_SKIP_BUNDLE=1: the bundle is not built"
    if not sys.platform.startswith("linux"):
        return "the bundle test builds the Linux bundle"
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        return "PyInstaller is not installed (python3 -m pip install -e '.[test]')"
    return None


if (_reason := _skip_reason()) is not None:
    pytest.skip(_reason, allow_module_level=True)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle, built (or reused) and unpacked into an empty folder; its program."""
    built = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "bundle.py"), "--reuse"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    version = subprocess.run(
        [sys.executable, "-c", "import kapcompanion; print(kapcompanion.__version__)"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    archives = sorted((ROOT / "dist").glob(f"KAP-Companion-{version}-linux-*.tar.gz"))
    assert archives, built.stdout
    place = tmp_path_factory.mktemp("client")
    assert not any(place.iterdir())
    with tarfile.open(archives[-1]) as tar:
        tar.extractall(place, filter="tar")
    program = place / "KAP-Companion" / "kapcompanion"
    assert program.is_file() and os.access(program, os.X_OK)
    return program


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A new, empty home folder (nothing of the developer's is seen)."""
    folder = tmp_path / "home"
    folder.mkdir()
    return folder


def client_env(home: Path, **extra: str) -> list[str]:
    """``env -i`` and the few variables a desktop session would have; no PATH."""
    values = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        **extra,
    }
    return ["env", "-i", *(f"{k}={v}" for k, v in values.items())]


def run(
    program: Path, home: Path, *args: str, timeout: float = 120, **extra: str
) -> subprocess.CompletedProcess[str]:
    """Run the unpacked program as a client; its result."""
    return subprocess.run(
        [*client_env(home, **extra), str(program), *args],
        cwd=home,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_it_runs_without_python(bundle: Path, home: Path) -> None:
    out = run(bundle, home, "--version")
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("kapcompanion ")


def test_the_library_and_voice_are_inside(bundle: Path, home: Path) -> None:
    out = run(bundle, home, "list", "--json")
    assert out.returncode == 0, out.stderr
    practices = json.loads(out.stdout)["practices"]
    assert len(practices) >= 20
    assert {p["origin"] for p in practices} == {"built-in"}
    inside = bundle.parent / "_internal"
    assert (inside / "kapcompanion" / "_bundled" / "assets" / "sounds" / "soft-bell.ogg").is_file()
    assert list((inside / "kapcompanion" / "i18n").glob("kapcompanion_*.qm"))
    assert (inside / "hibari" / "assets" / "hibari.onnx").is_file()
    assert list((inside / "onnxruntime" / "capi").glob("onnxruntime_pybind11_state*.so"))
    for name in ("kapcompanion.desktop", "kapcompanion.png", "install.sh", "README.txt"):
        assert (bundle.parent / name).is_file(), name


def test_no_scipy_inside_and_within_the_size_budget(bundle: Path) -> None:
    """Issue 22: loudness is NumPy's, so SciPy stays out, and the folder is ≤ 250 MB."""
    inside = bundle.parent / "_internal"
    for name in ("scipy", "scipy.libs", "pyloudnorm", "unittest", "pydoc_data"):
        assert not (inside / name).exists(), name
    assert not list(inside.glob("scipy*"))  # (numpy.libs has a Fortran runtime of its own)
    files = [f for f in bundle.parent.rglob("*") if f.is_file() and not f.is_symlink()]
    size = sum(f.lstat().st_size for f in files)
    assert size <= 250_000_000, size


def test_a_short_practice_plays_to_the_end(bundle: Path, home: Path) -> None:
    practice = home / "bundle-check.yaml"
    practice.write_text(SHORT, encoding="utf-8")
    started = time.monotonic()
    out = run(bundle, home, "play", str(practice), "--no-window", SDL_AUDIODRIVER="dummy")
    assert out.returncode == 0, out.stderr[-2000:]
    assert "complete" in out.stdout.lower(), out.stdout[-800:]
    assert "silently" not in out.stdout + out.stderr  # the mixer opened (dummy driver)
    assert time.monotonic() - started >= 3.0  # played in real time, not skipped


def test_a_practice_renders_to_wav(bundle: Path, home: Path) -> None:
    import soundfile

    wav = home / "box.wav"
    out = run(bundle, home, "render", "box-breathing", "-o", str(wav))
    assert out.returncode == 0, out.stderr[-2000:]
    info = soundfile.info(str(wav))
    assert info.samplerate >= 22050 and info.channels in (1, 2)
    assert info.duration > 60
    data, _ = soundfile.read(str(wav), frames=info.samplerate * 30, dtype="float32")
    assert abs(data).max() > 0.01  # not silence: the bell and the rain are in it
    assert "no spoken guidance" not in out.stderr  # the voice spoke (see the test below)


def _rms(x: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(x)))) if len(x) else 0.0


def test_a_rendered_practice_speaks_its_say_steps(bundle: Path, home: Path) -> None:
    """The offline voice (hibari on onnxruntime) speaks from the bundle, where the say steps are.

    The windows come from the bundle's own ``timeline --json``: each say window starts with
    speech (loud 0.5 s blocks from its first one, most of a second of them at least), and
    the silence between them holds nothing, so the sound in the say windows is the voice.
    """
    import soundfile

    practice = home / "bundle-voice-check.yaml"
    practice.write_text(SPOKEN, encoding="utf-8")
    wav = home / "spoken.wav"
    out = run(bundle, home, "render", str(practice), "-o", str(wav))
    assert out.returncode == 0, out.stderr[-2000:]
    assert "spoken" not in out.stderr, out.stderr  # no "…has no spoken guidance" note
    shown = run(bundle, home, "timeline", str(practice), "--json")
    assert shown.returncode == 0, shown.stderr[-2000:]
    steps = json.loads(shown.stdout)["steps"]
    assert [s["kind"] for s in steps] == ["say", "silence", "say"]
    data, rate = soundfile.read(str(wav), dtype="float32")
    mono = data.mean(axis=1) if data.ndim > 1 else data
    half = rate // 2
    for step in steps:
        window = mono[round(step["start"] * rate) : round(step["end"] * rate)]
        blocks = [_rms(window[i : i + half]) for i in range(0, len(window) - half + 1, half)]
        if step["kind"] == "say":
            assert blocks[0] > 0.02, (step["title"], blocks)  # speech from the step's start
            assert sum(b > 0.02 for b in blocks) >= 2, (step["title"], blocks)
            assert _rms(window) > 0.01, step["title"]
        else:
            assert max(blocks) < 1e-3, blocks  # no voice (or anything) in the silence


def test_desktop_entry_points_into_the_bundle(bundle: Path, home: Path) -> None:
    out = subprocess.run(
        [*client_env(home), "/bin/sh", str(bundle.parent / "install.sh")],
        cwd=home, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    share = home / ".local" / "share"
    entry = (share / "applications" / "kapcompanion.desktop").read_text(encoding="utf-8")
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    command = exec_line.removeprefix("Exec=").split()[0]
    assert command == str(bundle.parent / "kapcompanion-gui"), exec_line
    assert "MimeType=application/x-kappack;" in entry
    assert (share / "mime" / "packages" / "kapcompanion.xml").is_file()
    assert (share / "icons" / "hicolor" / "256x256" / "apps" / "kapcompanion.png").is_file()
    # The launcher's command runs.
    assert run(Path(command), home, "--version").returncode == 0


class XServer:
    """A private Xvfb for one test: started on a free display and seen to take a client."""

    def __init__(self, log: Path) -> None:
        self.log = log
        self.server: subprocess.Popen[bytes] | None = None
        self.display = ""

    def start(self, tries: int = 3) -> str:
        """(Re)start the server; its DISPLAY once an X client has connected to it."""
        for _ in range(tries):
            self.stop()
            try:
                self.server, self.display = start_xvfb(self.log)  # the benchmarks' starter
            except SystemExit:
                continue
            if self.reachable(wait=10):
                return self.display
        pytest.fail(f"Xvfb did not start and take a client ({tries} tries): {self.said()}")

    def reachable(self, wait: float = 0.0) -> bool:
        """Whether an X client can connect now (trying for up to ``wait`` seconds)."""
        env = {"DISPLAY": self.display, "PATH": os.environ.get("PATH", "")}
        probe = ["xdotool", "getdisplaygeometry"] if shutil.which("xdotool") else [
            "xwininfo", "-root"
        ]  # fmt: skip
        deadline = time.monotonic() + wait
        while True:
            alive = self.server is not None and self.server.poll() is None
            probed = alive and subprocess.run(probe, env=env, capture_output=True, timeout=10)
            if probed and probed.returncode == 0:
                return True
            if not alive or time.monotonic() >= deadline:
                return False
            time.sleep(0.1)

    def said(self) -> str:
        """The end of the server's log, and whether it is still running."""
        state = "running" if self.server and self.server.poll() is None else (
            f"ended ({self.server.returncode})" if self.server else "not started"
        )  # fmt: skip
        text = self.log.read_text(errors="replace")[-600:] if self.log.exists() else ""
        return f"Xvfb {self.display or '-'} {state}; its log: {text!r}"

    def stop(self) -> None:
        if self.server is not None:
            stop(self.server)
            self.server = None


@pytest.fixture
def x_server(tmp_path: Path) -> Iterator[XServer]:
    """A private X server (its own free display number), already taking clients."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb): no X server for the window")
    if not (shutil.which("xdotool") or shutil.which("xwininfo")):
        pytest.skip("no window lister (apt-get install xdotool or x11-utils)")
    server = XServer(tmp_path / "xvfb.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def window_titles(display: str) -> list[str]:
    """The names of the mapped windows on ``display``."""
    env = {"DISPLAY": display, "PATH": os.environ.get("PATH", "")}
    if shutil.which("xdotool"):
        ids = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "KAP Companion"],
            env=env, capture_output=True, text=True, timeout=10,
        ).stdout.split()  # fmt: skip
        return [
            subprocess.run(
                ["xdotool", "getwindowname", i], env=env, capture_output=True, text=True,
                timeout=10,
            ).stdout.strip()
            for i in ids
        ]  # fmt: skip
    tree = subprocess.run(
        ["xwininfo", "-root", "-tree"], env=env, capture_output=True, text=True, timeout=10
    ).stdout
    return [line.split('"')[1] for line in tree.splitlines() if line.count('"') >= 2]


def open_window(bundle: Path, home: Path, display: str) -> tuple[list[str], str]:
    """Start the bundle on ``display``; the windows seen (up to 60 s) and what the app said."""
    with (home / "app.log").open("w") as log:
        app = subprocess.Popen(
            [*client_env(home, DISPLAY=display, SDL_AUDIODRIVER="dummy"), str(bundle)],
            cwd=home,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        titles: list[str] = []
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and app.poll() is None:
                titles = window_titles(display)
                if "KAP Companion" in titles:
                    break
                time.sleep(0.25)
        finally:
            stop(app)
    return titles, (home / "app.log").read_text(errors="replace")


def test_the_window_opens_on_x(bundle: Path, home: Path, x_server: XServer) -> None:
    titles, output = open_window(bundle, home, x_server.display)
    if "could not connect to display" in output and not x_server.reachable():
        # The X server went away under the app (seen once in CI: Xvfb on :0 refused the
        # app's connection after taking the probe's): that says nothing of the bundle, so
        # the app gets one more try on a new server, and the first server's state is kept.
        first = x_server.said()
        titles, output = open_window(bundle, home, x_server.start())
        output = f"{output}\n(a first try could not connect: {first})"
    if "Could not load the Qt platform plugin" in output:
        pytest.fail(
            f"the bundle's xcb platform plugin did not load: {output[-1500:]}\n{x_server.said()}"
        )
    assert "KAP Companion" in titles, f"windows {titles}; app said: {output[-1500:]}"
