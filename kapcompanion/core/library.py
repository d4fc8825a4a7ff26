"""The library: built-in practices, the user's own, and imported packs, in one place.

Id clashes follow one rule, said once: the user's own practices come first, then
imported packs (in name order), then the built-in library. A practice later in that
order with an id already taken is left out, and the clash is reported, so a therapist's
"Duplicate and edit" copy with the same id deliberately replaces the built-in one.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from kapcompanion.core.cache import CheckCache, check_files
from kapcompanion.core.errors import WARNING, Diagnostic, NotFoundError
from kapcompanion.core.folders import DataFolders
from kapcompanion.core.model import Practice, Program
from kapcompanion.resources import builtin_scripts

log = logging.getLogger(__name__)

Item = TypeVar("Item", Practice, Program)
YAML_SUFFIXES = (".yaml", ".yml")  # as the loader reads them (not imported: start-up cost)
BUILT_IN = "built-in"
USER = "user"


def library_key(item_id: str, language: str) -> str:
    """The key a practice or program is stored under: its id in English, else ``id@lang``."""
    return item_id if language == "en" else f"{item_id}@{language}"


def builtin_ids() -> frozenset[str]:
    """Keys of the built-in practices: what a pack's programs may name besides its own."""
    return frozenset(Library.load(None).practices)


def _language_choices(language: str) -> list[str]:
    """Languages to try for ``language``, best first: "es-MX" gives es-MX, es, then en."""
    wanted = language.replace("_", "-").strip() or "en"
    return list(dict.fromkeys([wanted, wanted.split("-")[0], "en"]))


def _in_language(items: Iterable[Item], language: str) -> dict[str, Item]:
    """For each id, the item in ``language`` if there is one, else English, else any."""
    choices = _language_choices(language)

    def rank(item: Item) -> tuple[int, str]:
        found = choices.index(item.language) if item.language in choices else len(choices)
        return found, item.language

    best: dict[str, Item] = {}
    for item in items:
        held = best.get(item.id)
        if held is None or rank(item) < rank(held):
            best[item.id] = item
    return best


def yaml_files(folder: Path) -> Iterator[Path]:
    """Practice and program files below ``folder``, sorted, skipping hidden files and pack.yaml.

    One ``os.scandir`` per folder (the start path reads every folder of the library):
    the same files, in the same order, as ``sorted(folder.rglob("*"))`` filtered, which
    took three times as long. Linked folders are not entered (as ``rglob`` does not).
    """
    if not folder.is_dir():
        return
    found: list[tuple[tuple[str, ...], str]] = []

    def walk(directory: str, rel: tuple[str, ...]) -> None:
        try:
            with os.scandir(directory) as it:
                entries = list(it)
        except OSError:
            return
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            try:
                if entry.is_dir() and not entry.is_symlink():
                    walk(entry.path, (*rel, name))
                    continue
                if (
                    os.path.splitext(name)[1].lower() in YAML_SUFFIXES
                    and name != "pack.yaml"
                    and entry.is_file()
                ):
                    found.append(((*rel, name), entry.path))
            except OSError:
                continue

    walk(str(folder), ())
    for _parts, path in sorted(found):
        yield Path(path)


@dataclass
class Library:
    """Every practice and program the person can use, with where each came from."""

    practices: dict[str, Practice] = field(default_factory=dict)
    programs: dict[str, Program] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)

    @classmethod
    def load(
        cls,
        folders: DataFolders | None,
        extra: Iterable[tuple[str, Path]] = (),
        *,
        builtin: bool = True,
        user: bool = True,
        packs: bool = True,
        use_cache: bool = True,
    ) -> Library:
        """Load the library from its sources (invalid files are listed in ``problems``).

        Args:
            folders: the data dir holding the person's practices, imported packs and the
                check cache; None loads the built-in library only, without the cache.
            extra: more (origin, folder) sources, ahead of everything else.
            builtin: include the built-in library.
            user: include the person's own practices.
            packs: include imported packs.
            use_cache: remember checked files in the data dir's cache.
        """
        lib = cls()
        sources: list[tuple[str, Path]] = list(extra)
        if folders is not None and user:
            sources.append((USER, folders.practices))
        if folders is not None and packs and folders.packs.is_dir():
            sources.extend(
                (f"pack:{p.name}", p)
                for p in sorted(folders.packs.iterdir())
                if p.is_dir() and not p.name.startswith(".")
            )
        if builtin:
            sources.append((BUILT_IN, builtin_scripts()))
        files = [(origin, path) for origin, folder in sources for path in yaml_files(folder)]
        cache = CheckCache(folders.check_cache) if folders is not None and use_cache else None
        results = check_files([path for _, path in files], cache)
        if cache is not None:
            cache.save()
        for (origin, path), (item, diagnostics) in zip(files, results, strict=True):
            lib.add(path, origin, item, diagnostics)
        return lib

    def add_file(self, path: Path, origin: str) -> Practice | Program | None:
        """Load one file into the library; returns what was added."""
        from kapcompanion.core.loader import check_file

        item, diagnostics = check_file(path)
        return self.add(path, origin, item, diagnostics)

    def add(
        self,
        path: Path,
        origin: str,
        item: Practice | Program | None,
        diagnostics: list[Diagnostic],
    ) -> Practice | Program | None:
        """Add a checked file's result; clashes and invalid files go to ``problems``."""
        if item is None:
            self.problems.extend(diagnostics)
            log.warning("left out %s: %s", path, diagnostics[0] if diagnostics else "invalid")
            return None
        table: dict[str, Practice] | dict[str, Program]
        table = self.programs if isinstance(item, Program) else self.practices
        key = library_key(item.id, item.language)
        if key in table:
            self.problems.append(
                Diagnostic(
                    str(path),
                    0,
                    0,
                    WARNING,
                    f'id "{item.id}" is already used by {self.origins.get(key, "another file")}; '
                    "this one is left out",
                    "give it its own id",
                )
            )
            return None
        table[key] = item  # type: ignore[assignment]
        self.origins[key] = origin
        return item

    def for_language(self, language: str) -> dict[str, Practice]:
        """Practices keyed by plain id, each in ``language`` where translated, else English.

        An id with neither (a practice written only in another language) still appears, in
        its own language, so nothing a therapist wrote disappears from the app.
        """
        return _in_language(self.practices.values(), language)

    def programs_for_language(self, language: str) -> dict[str, Program]:
        """Programs keyed by plain id, each in ``language`` where translated, else English."""
        return _in_language(self.programs.values(), language)

    def origins_for_language(self, language: str) -> dict[str, str]:
        """Where each practice that :meth:`for_language` gives came from, keyed by plain id."""
        return {
            pid: self.origins.get(library_key(pid, p.language), "")
            for pid, p in self.for_language(language).items()
        }

    def translations(self, pid: str) -> dict[str, Practice]:
        """Every language a practice is available in: {language: practice}."""
        return {p.language: p for p in self.practices.values() if p.id == pid}

    def practice(self, pid: str) -> Practice:
        """The practice with id ``pid``."""
        try:
            return self.practices[pid]
        except KeyError:
            raise NotFoundError(f'no practice with id "{pid}" in the library') from None

    def origin(self, pid: str) -> str:
        """Where a practice or program came from: built-in, user or pack:<name>."""
        return self.origins.get(pid, "")

    def by_category(self, category: str) -> list[Practice]:
        """Practices of one category, sorted by title."""
        return sorted(
            (p for p in self.practices.values() if p.category == category),
            key=lambda p: p.title.lower(),
        )
