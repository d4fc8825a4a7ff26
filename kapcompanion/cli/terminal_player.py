"""``kapcompanion play --no-window``: a practice with sound and a one-line terminal display.

The loop sleeps until the next cue's timeline time (or the next display refresh, at
most 0.1 s), so cues start on time without busy-waiting. Keys, when stdin is a
terminal: Space or p pauses and resumes, n skips a step, b goes back, q stops.
Interactive steps wait for Enter on a terminal and are skipped with a note otherwise.
Ctrl-C stops cleanly, fading the sound out; so do SIGTERM (a logout, ``kill``) and SIGHUP
(the terminal closed), and the process exits 0 within a second or so.
A practice's ``{placeholders}`` are filled from the journal, as in the app (the same
lookup, the same :func:`~kapcompanion.core.text.fill`).
"""

from __future__ import annotations

import bisect
import contextlib
import logging
import os
import select
import shutil
import signal
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, TextIO

from kapcompanion.audio.base import Player
from kapcompanion.core.model import Phase, Practice
from kapcompanion.core.session import Session, SessionState, Status
from kapcompanion.core.spoken import is_english
from kapcompanion.core.text import fill
from kapcompanion.core.timeline import Timeline, compile_practice
from kapcompanion.core.visible import printable

if TYPE_CHECKING:
    from kapcompanion.audio.voice import VoiceService
    from kapcompanion.audio.voice.live import LiveVoice
    from kapcompanion.core.folders import DataFolders

log = logging.getLogger(__name__)

REFRESH = 0.1  # seconds between display updates
RAMP_TICK = 0.02  # update rate while a fade is in progress
STOP_FADE_MS = 800
END_RING = 1.0  # seconds the last sounds ring out after the end
# Seconds play waits at most for the first words (cold start ~1.5 s; on a busy machine more):
# a terminal has no screen to freeze, and a first instruction lost is worse than a wait.
FIRST_WAIT = 15.0
NOT_ENGLISH = "The spoken voice speaks English only, so this practice's words are shown on screen."

PHASE_WORDS = {
    Phase.INHALE: "Breathe in",
    Phase.HOLD: "Hold gently",
    Phase.EXHALE: "Breathe out",
    Phase.HOLD_OUT: "Rest",
    Phase.SILENCE: "Silence",
    Phase.BELL: "Bell",
    Phase.SAY: "Listen",
    Phase.GATE: "Pause",
}


#: Phases whose words are shown in full on their own line as they begin.
WORDS_SHOWN = (Phase.SAY, Phase.SILENCE)
#: The widest a phase's label may make its column (a longer label ends in "…" at a word).
LABEL_MAX = 40


def fit_words(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters, cut only between words (then "…")."""
    if len(text) <= width:
        return text
    words = text.split()
    out = ""
    for word in words:
        longer = f"{out} {word}" if out else word
        if len(longer) + 1 > width:
            break
        out = longer
    return f"{out}…" if out else text[: max(1, width - 1)] + "…"


def _clock_text(seconds: float) -> str:
    s = max(0, round(seconds))
    return f"{s // 60}:{s % 60:02d}"


class Display:
    """One line, rewritten in place on a terminal; one line per step otherwise."""

    def __init__(self, out: TextIO, timeline: Timeline) -> None:
        self.out = out
        self.tty = out.isatty()
        self.timeline = timeline
        self.last_step = -1
        self.last_line = ""
        self.last_words = -1
        #: Saved answers that fill the practice's placeholders (recalled and given).
        self.values: Mapping[str, object] = {}
        labels = [len(g.text) for g in timeline.segments if g.phase not in WORDS_SHOWN]
        self.label_width = min(LABEL_MAX, max([18, *labels]))

    def line(self, st: SessionState) -> str:
        """The status line for ``st``: phase, countdown, step, overall progress."""
        steps = len(self.timeline.steps)
        word = PHASE_WORDS.get(st.phase, "") if st.phase else ""
        if st.segment is not None and st.segment.text and st.phase in PHASE_WORDS:
            word = st.segment.text if st.phase not in (Phase.SAY, Phase.GATE) else word
        if st.status is Status.PAUSED:
            word = "Paused"
        count = f"{int(st.phase_remaining + 0.999):>3}s" if st.segment is not None else "    "
        width = 20
        full = round(st.progress * width)
        bar = "█" * full + "·" * (width - full)
        label = fit_words(word, self.label_width)
        text = (
            f"{label:<{self.label_width}} {count}  step {st.step + 1}/{steps}  {bar} "
            f"{st.progress * 100:3.0f}%  {_clock_text(st.elapsed)} / "
            f"{_clock_text(self.timeline.total)}"
        )
        return text[: max(20, shutil.get_terminal_size((100, 20)).columns - 1)]

    def show(self, st: SessionState) -> None:
        """Refresh the display for ``st``; the words of a say step or prompt as they begin."""
        self._words(st)
        if self.tty:
            line = printable(self.line(st))  # a practice's texts never drive the terminal
            if line != self.last_line:
                self.out.write("\r" + line + "\x1b[K")
                self.out.flush()
                self.last_line = line
        elif st.step != self.last_step and st.status is Status.PLAYING:
            self.show_step(st)
        self.last_step = st.step

    def _words(self, st: SessionState) -> None:
        seg = st.segment
        if seg is None or seg.index == self.last_words or st.status is not Status.PLAYING:
            return
        self.last_words = seg.index
        if seg.phase in WORDS_SHOWN and seg.text.strip():
            if not self.tty and st.step != self.last_step:
                self.show_step(st)
            self.say(f"  {printable(fill(seg.text, self.values))}")

    def show_step(self, st: SessionState) -> None:
        """The step line printed when not on a terminal."""
        span = self.timeline.steps[st.step]
        print(
            f"Step {st.step + 1}/{len(self.timeline.steps)} · "
            f"{printable(fill(span.title, self.values))} "
            f"({_clock_text(span.start)} of {_clock_text(self.timeline.total)})",
            file=self.out,
            flush=True,
        )
        self.last_step = st.step

    def say(self, message: str) -> None:
        """Print a message on its own line (below the status line)."""
        if self.tty and self.last_line:
            self.out.write("\r\x1b[K")
            self.last_line = ""
        print(printable(message, "\n"), file=self.out, flush=True)


class Keys:
    """Single key presses from a terminal stdin (cbreak mode), or plain sleeping."""

    def __init__(self, stdin: TextIO) -> None:
        self.fd: int | None = None
        try:
            if stdin.isatty():
                self.fd = stdin.fileno()
        except (AttributeError, ValueError, OSError):
            self.fd = None

    @property
    def interactive(self) -> bool:
        """Whether keys can be read."""
        return self.fd is not None

    @contextlib.contextmanager
    def raw(self) -> Iterator[None]:
        """Cbreak mode for the duration (Ctrl-C still interrupts); restored after."""
        if self.fd is None:
            yield
            return
        import termios
        import tty

        saved = termios.tcgetattr(self.fd)
        try:
            tty.setcbreak(self.fd)
            yield
        finally:
            termios.tcsetattr(self.fd, termios.TCSADRAIN, saved)

    def wait(self, timeout: float) -> str:
        """Wait up to ``timeout`` seconds; return the keys pressed ("" if none)."""
        timeout = max(0.0, timeout)
        if self.fd is None:
            time.sleep(timeout)
            return ""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return ""
        return os.read(self.fd, 32).decode(errors="ignore")


def _gate_note(title: str) -> str:
    return f"Skipping “{title}” — it asks for your answer, which needs the app or a terminal."


class TerminalPlay:
    """The play loop, separate from the process setup so tests can drive it."""

    def __init__(
        self,
        practice: Practice,
        player: Player,
        *,
        stdin: TextIO,
        out: TextIO,
        clock: Callable[[], float] = time.monotonic,
        voice: VoiceService | None = None,
        spoken_cues: bool | None = None,
        values: Mapping[str, object] | None = None,
    ) -> None:
        self.recalled = dict(values or {})
        self.live: LiveVoice | None = None
        self.notes: list[str] = []
        if voice is not None and not is_english(practice.language):
            self.notes.append(NOT_ENGLISH)
        elif voice is not None:
            from kapcompanion.audio.voice.live import LiveVoice

            self.live = LiveVoice(
                practice,
                voice,
                values=self.recalled,
                spoken_cues=spoken_cues,
                convert=player.speech_data,
            )
        self.timeline = (self.live.timeline() if self.live else None) or compile_practice(
            practice, values=self.recalled
        )
        self.session = Session(self.timeline, clock=clock)
        self.player = player
        self.keys = Keys(stdin)
        self.display = Display(out, self.timeline)
        self.display.values = self.values()
        self.cue_times = [c.time for c in self.timeline.cues]
        self._told = False

    def values(self) -> dict[str, object]:
        """Answers that fill placeholders: recalled from the journal, then this playing's."""
        return {**self.recalled, **self.session.values}

    def wait_for_voice(self, timeout: float = FIRST_WAIT) -> None:
        """Before play: wait (at most ``timeout``) for the first words, then take the clips."""
        end = time.monotonic() + timeout
        while self.live is not None and not self.live.first_ready() and time.monotonic() < end:
            time.sleep(0.02)
        self.follow_voice()

    def follow_voice(self) -> None:
        """Hand arrived clips to the player; retime the steps ahead when lengths are new."""
        live = self.live
        if live is None:
            return
        for text, data in live.drain():
            self.player.add_speech(text, data)
        if live.error is not None and not self._told:
            self._told = True
            print(f"{live.error} The words are shown on screen.", file=sys.stderr, flush=True)
        started = self.session.status is not Status.READY
        timeline = live.timeline(self.session.current_step if started else None)
        if timeline is None or len(timeline.segments) != len(self.timeline.segments):
            return
        self.timeline = timeline
        self.session.retime(timeline)
        self.player.retime(timeline)
        self.display.timeline = timeline
        self.cue_times = [c.time for c in timeline.cues]

    def run(self) -> int:
        """Play to the end (or until stopped); return the exit code (0)."""
        with self.keys.raw():
            if self.keys.interactive:
                self.display.say("Space or p: pause · n: next step · b: back · q: stop")
            self.wait_for_voice()
            self.session.play()
            try:
                self._loop()
            except KeyboardInterrupt:
                self._stop()
            except _Stopped:
                pass
        return 0

    def _loop(self) -> None:
        session, player = self.session, self.player
        notice = player.notice
        while True:
            self.follow_voice()
            st = session.state()
            player.update(st)
            if player.notice != notice:  # the device went away: say so once, carry on
                notice = player.notice
                if notice:
                    print(notice, file=sys.stderr, flush=True)
            if st.status is Status.WAITING:
                self._gate()
                continue
            if session.done:
                break
            self.display.show(st)
            if self._handle(self.keys.wait(self._timeout(st))):
                return
        self.display.say("The practice is complete. Take a moment before you move on.")
        if player.available:
            end = time.monotonic() + END_RING
            while time.monotonic() < end:
                player.update(session.state())
                time.sleep(RAMP_TICK)

    def _timeout(self, st: SessionState) -> float:
        wait = REFRESH
        if st.status is Status.PLAYING:
            k = bisect.bisect_right(self.cue_times, st.position)
            if k < len(self.cue_times):
                wait = min(wait, self.cue_times[k] - st.position)
        if getattr(self.player, "ramping", False):
            wait = min(wait, RAMP_TICK)
        return wait

    def _handle(self, keys: str) -> bool:
        """Act on keys; True when the person stopped the practice."""
        for key in keys.lower():
            if key in (" ", "p"):
                self.session.toggle()
            elif key == "n":
                self.session.skip()
                self.player.seek(self.session.position)
            elif key == "b":
                self.session.back()
                self.player.seek(self.session.position)
            elif key == "q":
                self._stop()
                return True
        return False

    def _gate(self) -> None:
        gate = self.session.waiting_gate
        title = fill(gate.text, self.values()) if gate is not None else ""
        if not self.keys.interactive:
            self.display.say(_gate_note(title))
            self.session.continue_gate(None)
            return
        self.display.say(f"\n  {title}\n  Take whatever time you need. Press Enter to go on.")
        while True:
            self.follow_voice()
            self.player.update(self.session.state())
            keys = self.keys.wait(RAMP_TICK if getattr(self.player, "ramping", False) else REFRESH)
            if "q" in keys.lower():
                self._stop()
                raise _Stopped
            if "\n" in keys or "\r" in keys or "n" in keys.lower():
                self.session.continue_gate(None)
                return

    def _stop(self) -> None:
        self.session.stop()
        self.player.stop(fade_ms=STOP_FADE_MS)
        self.display.say("Stopped. You can come back to this practice any time.")
        if self.player.available:
            time.sleep(STOP_FADE_MS / 1000)


def recall_values(practice: Practice, folders: DataFolders | None) -> dict[str, object]:
    """The journal's answers for ``practice``'s ``uses:`` names, as the app recalls them.

    The same lookup as the app (:meth:`JournalStore.placeholder_values`). No journal yet,
    one that stays locked, or one that cannot be read gives none: the practice's text
    then leaves those words out gracefully, as it does in the app.
    """
    if not practice.uses or folders is None or not folders.journal.exists():
        return {}
    from kapcompanion.cli.journal import open_for_cli

    try:
        store = open_for_cli(folders)
    except Exception as exc:  # the practice reads well without earlier answers
        log.warning("journal not read for %s: %s", practice.id, exc)
        print(f"Note: your saved words are left out ({exc}).", file=sys.stderr)
        return {}
    try:
        return dict(store.placeholder_values(practice.uses))
    except Exception:
        log.exception("cannot recall %s", list(practice.uses))
        return {}
    finally:
        store.close()


class _Stopped(Exception):  # noqa: N818  (control flow, never shown)
    """The person stopped at a gate."""


class Ended(KeyboardInterrupt):
    """The process was told to end (SIGTERM, SIGHUP): the practice stops as Ctrl-C stops it."""


def _end(signum: int, _frame: object) -> None:
    log.info("told to end (signal %d): stopping the practice", signum)
    raise Ended(signum)


@contextlib.contextmanager
def ending_signals() -> Iterator[None]:
    """SIGTERM and SIGHUP stop the practice as Ctrl-C does (the old handlers come back after).

    Installed before the mixer opens: SDL then leaves these signals to Python (it takes
    only signals still at their default), see ``audio/pygame_player.py``.
    """
    saved: dict[int, Any] = {}
    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is None:  # no SIGHUP on Windows
            continue
        try:
            saved[sig] = signal.signal(sig, _end)
        except ValueError:  # not the main thread (a test driving the loop): leave them be
            continue
    try:
        yield
    finally:
        for sig, old in saved.items():
            signal.signal(sig, old)


def play_in_terminal(
    practice: Practice,
    *,
    sound: bool = True,
    stdin: TextIO | None = None,
    out: TextIO | None = None,
    voice: VoiceService | None = None,
    spoken_cues: bool | None = None,
    folders: DataFolders | None = None,
    values: Mapping[str, object] | None = None,
) -> int:
    """Play ``practice`` with sound and a terminal display; return the exit code.

    Args:
        practice: the practice to play.
        sound: False to play silently (``--silent``).
        stdin: where keys come from (``sys.stdin``).
        out: where the display goes (``sys.stdout``).
        voice: the synthetic voice's service (None: the words are only shown).
        spoken_cues: name breath phases in words (``None``: as the practice says).
        folders: the data folders, whose journal fills the practice's ``uses:``
            placeholders (see :func:`recall_values`).
        values: answers for the placeholders (given: the journal is not read).

    Returns:
        0 when the practice finished or the person stopped it.
    """
    with ending_signals():
        try:
            return _play(
                practice, sound, stdin or sys.stdin, out or sys.stdout, voice, spoken_cues,
                values if values is not None else recall_values(practice, folders),
            )  # fmt: skip
        except KeyboardInterrupt:  # told to end before the practice began (or while ending)
            return 0


def _play(
    practice: Practice,
    sound: bool,
    keys_from: TextIO,
    shown_on: TextIO,
    voice: VoiceService | None,
    spoken_cues: bool | None,
    values: Mapping[str, object],
) -> int:
    from kapcompanion.audio.factory import create_player

    player = create_player(enabled=sound)
    if player.notice:
        print(player.notice, file=sys.stderr)
    play: TerminalPlay | None = None
    try:
        play = TerminalPlay(
            practice,
            player,
            stdin=keys_from,
            out=shown_on,
            voice=voice,
            spoken_cues=spoken_cues,
            values=values,
        )
        for note in play.notes:
            print(note, file=sys.stderr)
        try:
            warnings = player.prepare(play.timeline)
        except Exception as exc:  # sound trouble never stops a practice
            log.warning("could not prepare sounds: %s", exc)
            warnings = ["Some sounds could not be loaded; the practice plays on without them."]
        for note in warnings:
            print(f"Note: {note}", file=sys.stderr)
        return play.run()
    except KeyboardInterrupt:  # a second Ctrl-C (or SIGTERM) while fading out
        return 0
    finally:
        if play is not None and play.live is not None:
            play.live.close()
        player.shutdown()
