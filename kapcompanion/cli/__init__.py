"""The command line: ``kapcompanion`` and ``python -m kapcompanion``.

Everything that prints, prompts or returns an exit code lives in this package: the
argument parser and dispatch here, the commands in :mod:`.library` (validate, list,
timeline, schema), :mod:`.packs`, :mod:`.journal`, :mod:`.render`, :mod:`.desktop`,
:mod:`.terminal_player` (``play --no-window``) and :mod:`.sounds`. This is the top of the
program: it reads where user data lives (:func:`kapcompanion.paths.data_folders`) and
passes the folders down.

Exit codes: 0 success, 1 something the person can fix (invalid file, refused pack),
2 a usage error. User errors are one readable line, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from kapcompanion import __version__
from kapcompanion.core.errors import KapError, ValidationError
from kapcompanion.core.folders import DataFolders
from kapcompanion.paths import data_folders, set_data_dir

log = logging.getLogger(__name__)

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    p = _Parser(prog="kapcompanion", description="A calm, offline practice companion for KAP.")
    p.add_argument("--version", action="version", version=f"kapcompanion {__version__}")
    p.add_argument(
        "--data-dir", metavar="DIR", help="keep all user data in DIR (or set KAPCOMPANION_DATA_DIR)"
    )
    p.add_argument(
        "--background",
        action="store_true",
        help="start quietly in the tray (used by start at login); the window opens on a click",
    )
    desk = p.add_mutually_exclusive_group()
    desk.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add KAP Companion to your Linux applications menu (launcher, icons, .kappack type)",
    )
    desk.add_argument(
        "--remove-desktop-entry", action="store_true", help="take it out of the menu again"
    )
    sub = p.add_subparsers(dest="command", parser_class=_Parser)

    play = sub.add_parser("play", help="play one practice")
    play.add_argument("target", metavar="FILE|ID")
    play.add_argument("--no-window", action="store_true", help="audio and a terminal display only")
    play.add_argument("--silent", action="store_true", help="no sound")

    val = sub.add_parser("validate", help="check practice files, folders or packs")
    val.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    val.add_argument("--json", action="store_true", help="problems as JSON")

    lst = sub.add_parser("list", help="the library: built-in, user and imported")
    lst.add_argument("--json", action="store_true")

    tl = sub.add_parser("timeline", help="the compiled timeline of a practice")
    tl.add_argument("target", metavar="FILE|ID")
    tl.add_argument("--json", action="store_true")

    ren = sub.add_parser("render", help="mix a practice to an audio file")
    ren.add_argument("target", metavar="FILE|ID")
    ren.add_argument("-o", "--output", required=True, type=Path, metavar="OUT")
    ren.add_argument(
        "--loudness",
        choices=("phone", "broadcast"),
        default="phone",
        help="phone: -16 LUFS (default); broadcast: -23 LUFS; peaks stay under -1 dBTP",
    )

    sub.add_parser("schema", help="JSON Schema of the practice format, for editors")

    pack = sub.add_parser("pack", help="build, inspect and import .kappack packs")
    psub = pack.add_subparsers(dest="pack_command", parser_class=_Parser, required=True)
    pb = psub.add_parser("build", help="build a signed pack from a folder")
    pb.add_argument("src", type=Path, metavar="DIR")
    pb.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    pi = psub.add_parser("inspect", help="show what a pack holds, without importing")
    pi.add_argument("file", type=Path)
    pim = psub.add_parser("import", help="import a pack into the library")
    pim.add_argument("file", type=Path)
    pim.add_argument(
        "--yes", action="store_true", help="accept without asking (still refuses anything unsafe)"
    )
    pk = psub.add_parser("keygen", help="create the therapist's signing key")
    pk.add_argument("name", help="your name as clients will see it")

    jr = sub.add_parser("journal", help="the private journal")
    jsub = jr.add_subparsers(dest="journal_command", parser_class=_Parser, required=True)
    je = jsub.add_parser("export", help="export entries to share with your therapist")
    je.add_argument("--format", choices=("md", "pdf"), required=True)
    je.add_argument("-o", "--output", required=True, type=Path, metavar="OUT")
    je.add_argument("--from", dest="date_from", metavar="DATE")
    je.add_argument("--to", dest="date_to", metavar="DATE")
    je.add_argument("--session", type=int, metavar="N")
    jb = jsub.add_parser("backup", help="save all user data as one file")
    jb.add_argument("-o", "--output", required=True, type=Path, metavar="FILE")
    jrs = jsub.add_parser("restore", help="restore all user data from a backup file")
    jrs.add_argument("file", type=Path)
    jrs.add_argument("--yes", action="store_true", help="restore without asking (for scripts)")
    return p


#: What the parser gives for no arguments (open the app): a start needs no parser (5 ms).
NO_ARGUMENTS = {
    "data_dir": None,
    "background": False,
    "install_desktop_entry": False,
    "remove_desktop_entry": False,
    "command": None,
}


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The parsed arguments; the parser is built only when there are any."""
    if not argv:
        return argparse.Namespace(**NO_ARGUMENTS)
    return build_parser().parse_args(argv)


COMMANDS = frozenset(
    {"play", "validate", "list", "timeline", "render", "schema", "pack", "journal"}
)


def split_pack_argument(argv: Sequence[str]) -> tuple[list[str], Path | None]:
    """``kapcompanion FILE.kappack`` opens the app with that pack: (other arguments, pack)."""
    items = list(argv)
    if items and items[-1].lower().endswith(".kappack") and not COMMANDS & set(items[:-1]):
        return items[:-1], Path(items[-1]).absolute()
    return items, None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    # A bundled app (PyInstaller) must let the voice's child process run as itself. Only a
    # frozen app needs it, so a pip install does not load multiprocessing at start-up.
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    rest, pack_file = split_pack_argument(sys.argv[1:] if argv is None else argv)
    args = parse_arguments(rest)
    args.open_pack = pack_file
    if args.data_dir:
        set_data_dir(args.data_dir)
    from kapcompanion.logs import setup_logging

    # The app and playback keep a log file; quick text commands only print warnings.
    # The window's start leaves the log's rotation until it is on the screen (logs.py).
    window = args.command is None or (args.command == "play" and not args.no_window)
    setup_logging(
        to_file=args.command in (None, "play", "render", "pack", "journal"), rotate_later=window
    )
    if args.install_desktop_entry or args.remove_desktop_entry:
        from kapcompanion.cli.desktop import install_cli

        return install_cli(remove=args.remove_desktop_entry)
    try:
        return _dispatch(args, data_folders())
    except ValidationError as exc:
        from kapcompanion.core.visible import printable

        for d in exc.diagnostics:
            print(printable(str(d), "\n"), file=sys.stderr)
        return EXIT_INVALID
    except KapError as exc:
        from kapcompanion.core.visible import printable

        print(f"kapcompanion: {printable(str(exc), chr(10))}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `kapcompanion timeline x | head`
        sys.stderr.close()
        return EXIT_OK


def gui_main() -> int:
    """Entry point of the desktop launcher (no console); takes the same arguments."""
    return main(sys.argv[1:])


# The commands are imported when chosen: each pulls in only what it needs (start-up speed).
def _dispatch(args: argparse.Namespace, folders: DataFolders) -> int:
    match args.command:
        case None:
            return _open_app(folders, background=args.background, pack_file=args.open_pack)
        case "validate":
            from kapcompanion.cli.library import validate_command

            return validate_command(folders, args.paths, as_json=args.json)
        case "list":
            from kapcompanion.cli.library import list_command

            return list_command(folders, as_json=args.json)
        case "timeline":
            from kapcompanion.cli.library import timeline_command

            return timeline_command(folders, args.target, as_json=args.json)
        case "schema":
            from kapcompanion.cli.library import schema_command

            return schema_command()
        case "play":
            return _play(args, folders)
        case "render":
            from kapcompanion.cli.library import resolve_practice
            from kapcompanion.cli.render import render_cli
            from kapcompanion.cli.voice import cli_voice, spoken_cues, voice_settings

            settings = voice_settings(folders)
            cache = folders.cache / "voice"
            voice = cli_voice(folders, settings)
            try:
                return render_cli(
                    resolve_practice(args.target, folders),
                    args.output,
                    voice_cache=cache,
                    voice=voice,
                    speak=voice is not None,
                    spoken_cues=spoken_cues(settings),
                    loudness=args.loudness,
                    app_language=str(settings.language),
                )
            finally:
                if voice is not None:
                    voice.close()
        case "pack":
            return _pack(args, folders)
        case "journal":
            return _journal(args, folders)
    return EXIT_USAGE


def _open_app(folders: DataFolders, background: bool = False, pack_file: Path | None = None) -> int:
    try:
        from kapcompanion.ui.app import run_app
    except ImportError as exc:  # no desktop yet (or Qt missing): show the library instead
        log.warning("the desktop app cannot start (%s); showing the library", exc)
        from kapcompanion.cli.library import list_command

        return list_command(folders)
    if pack_file is not None:
        from kapcompanion.ui.packs import request_open

        request_open(pack_file)
    args = [str(pack_file)] if pack_file else None
    return run_app(sys.argv[:1], args=args, background=background)


def _play(args: argparse.Namespace, folders: DataFolders) -> int:
    from kapcompanion.cli.library import resolve_practice

    practice = resolve_practice(args.target, folders)
    if args.no_window:
        from kapcompanion.cli.terminal_player import play_in_terminal
        from kapcompanion.cli.voice import cli_voice, spoken_cues, voice_settings

        settings = voice_settings(folders)
        voice = cli_voice(folders, settings) if not args.silent else None
        try:
            return play_in_terminal(
                practice,
                sound=not args.silent,
                voice=voice,
                spoken_cues=spoken_cues(settings),
                folders=folders,
            )
        finally:
            if voice is not None:
                voice.close()
    from kapcompanion.ui.app import run_app

    return run_app(sys.argv[:1], practice=practice)


def _pack(args: argparse.Namespace, folders: DataFolders) -> int:
    from kapcompanion.cli import packs

    match args.pack_command:
        case "build":
            return packs.build_cli(folders, args.src, args.output)
        case "inspect":
            return packs.inspect_cli(folders, args.file)
        case "import":
            return packs.import_cli(folders, args.file, args.yes)
        case "keygen":
            return packs.keygen_cli(folders, args.name)
    return EXIT_USAGE


def _journal(args: argparse.Namespace, folders: DataFolders) -> int:
    from kapcompanion.cli import journal

    match args.journal_command:
        case "export":
            from kapcompanion.cli.library import parse_date

            return journal.export_cli(
                folders,
                args.format,
                args.output,
                parse_date(args.date_from, "--from"),
                parse_date(args.date_to, "--to"),
                args.session,
            )
        case "backup":
            return journal.backup_cli(folders, args.output)
        case "restore":
            return journal.restore_cli(folders, args.file, args.yes)
    return EXIT_USAGE
