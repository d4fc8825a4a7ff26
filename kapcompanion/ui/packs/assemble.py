"""Put chosen practices and programs into a folder and build a signed pack from it.

Qt-free, so the share dialog stays thin and this part is easy to test. Each practice is
copied with only the audio files it uses (never the rest of its folder, so nothing
private goes out by accident) into ``practices/<id>/``, keeping the relative paths its
file names. The build happens in a hidden folder inside the data dir, removed afterwards.
Messages that name a file in that folder are rewritten to name the original file.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from kapcompanion.core.errors import Diagnostic
from kapcompanion.core.library import builtin_ids
from kapcompanion.core.model import BellStep, BreatheStep, Practice, Program, SayStep
from kapcompanion.core.packs import PackError, build_pack, inspect_pack, signing
from kapcompanion.core.packs.format import PackInfo, slug
from kapcompanion.core.packs.names import PACK_SUFFIX
from kapcompanion.paths import data_dir, data_folders

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PackDetails:
    """What the therapist typed about the pack."""

    name: str
    author: str
    clinic: str = ""
    message: str = ""
    version: str = "1"

    @property
    def pack_id(self) -> str:
        """The pack id made from its name."""
        return slug(self.name)

    def file_name(self) -> str:
        """A file name for the pack: ``calm-start.kappack``."""
        return f"{self.pack_id or 'pack'}{PACK_SUFFIX}"

    def yaml_text(self) -> str:
        """pack.yaml's text (dumped safely, so any message text stays plain text)."""
        data: dict[str, object] = {"kappack": 1, "id": self.pack_id, "name": self.name}
        data["author"] = self.author
        if self.clinic.strip():
            data["clinic"] = self.clinic
        if self.message.strip():
            data["message"] = self.message.strip() + "\n"
        data["version"] = self.version
        return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


def audio_files(practice: Practice) -> list[Path]:
    """The files a practice's sound refers to (bundled sound names are not files)."""
    names: list[str | Path] = [practice.sound.ambient or "", practice.sound.cue or ""]
    for step in practice.steps:
        if isinstance(step, SayStep) and step.voice is not None:
            names.append(step.voice)
        elif isinstance(step, BreatheStep):
            c = step.cues
            names.extend(x for x in (c.inhale, c.hold, c.exhale, c.hold_out) if x)
        elif isinstance(step, BellStep):
            names.append(step.sound)
    found: list[Path] = []
    for name in names:
        path = Path(name)
        if str(name) and path.is_absolute() and path.is_file() and path not in found:
            found.append(path)
    return found


class Assembly:
    """A pack's folder being put together; maps its files back to the originals."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.origins: dict[Path, Path] = {}  # folder or file in the build -> the original

    def add_practice(self, practice: Practice) -> None:
        """Copy a practice file and the audio it uses into ``practices/<id>/``."""
        source = self._source(practice.source, practice.title)
        folder = self.root / "practices" / practice.id
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, folder / source.name)
        self.origins[folder] = source.parent
        for audio in audio_files(practice):
            try:
                rel = audio.resolve().relative_to(source.parent.resolve())
            except ValueError:
                raise PackError(
                    f"{source}: uses {audio}, which is outside the practice's folder",
                    "move the recording into an audio folder next to the practice and "
                    "point to it with a relative path such as audio/welcome.ogg",
                ) from None
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(audio, folder / rel)

    def add_program(self, program: Program) -> None:
        """Copy a program file into ``programs/``."""
        source = self._source(program.source, program.title)
        dest = self.root / "programs" / f"{program.id}{source.suffix}"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
        self.origins[dest] = source

    def _source(self, source: Path | None, title: str) -> Path:
        if source is None or not source.is_file():
            raise PackError(
                f"“{title}” has no file on this computer to share",
                "save it in the editor first, then share it",
            )
        return source

    def original(self, text: str) -> str:
        """``text`` with paths inside the build folder replaced by the original files."""
        for built, orig in sorted(self.origins.items(), key=lambda kv: -len(str(kv[0]))):
            text = text.replace(str(built), str(orig))
        text = text.replace(str(self.root / "pack.yaml"), "the pack's details")
        return text.replace(str(self.root), self.root.name)

    def translate(self, exc: PackError) -> PackError:
        """The same refusal, naming the therapist's own files."""
        diags = tuple(
            replace(d, path=self.original(d.path)) if isinstance(d, Diagnostic) else d
            for d in exc.diagnostics
        )
        return PackError(self.original(exc.message), exc.hint, diags)


def share(
    practices: list[Practice],
    programs: list[Program],
    details: PackDetails,
    out: Path,
    key: signing.SigningKey,
) -> PackInfo:
    """Build a signed pack of ``practices`` and ``programs`` at ``out``.

    Args:
        practices: the practices to share (each needs its file on disk).
        programs: programs to share with them.
        details: name, author, clinic, message and version.
        out: where to save the ``.kappack`` (replaced when it exists).
        key: the therapist's signing key.

    Returns:
        What the new pack holds, read back from the file.

    Raises:
        PackError: nothing chosen, an invalid practice or program (naming the original
            file and line), audio a pack cannot hold, or a file that cannot be written.
    """
    if not practices and not programs:
        raise PackError("nothing is chosen to share", "tick at least one practice")
    base = data_dir()
    try:
        base.mkdir(parents=True, exist_ok=True)
        root = Path(tempfile.mkdtemp(prefix=".share-", dir=base))
    except OSError as exc:
        raise PackError(
            f"{base}: a working folder could not be made ({exc.strerror or exc})",
            "check that there is free disk space",
        ) from None
    assembly = Assembly(root)
    try:
        (root / "pack.yaml").write_text(details.yaml_text(), encoding="utf-8")
        for practice in practices:
            assembly.add_practice(practice)
        for program in programs:
            assembly.add_program(program)
        build_pack(root, out, key=key, known_ids=builtin_ids())
        return inspect_pack(out, data_folders())
    except PackError as exc:
        raise assembly.translate(exc) from None
    except OSError as exc:
        where = exc.filename or out
        raise PackError(
            f"{assembly.original(str(where))}: could not be written ({exc.strerror or exc})",
            "choose a folder you can write to, with free space",
        ) from None
    finally:
        shutil.rmtree(root, ignore_errors=True)
