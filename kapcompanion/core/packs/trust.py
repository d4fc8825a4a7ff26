"""Who may put what in the library: the author is the signer, and no pack takes over another's.

A key trusted once must not be able to borrow someone else's name or practices:

* the author a pack.yaml names must be the name its key is confirmed under
  (:func:`check_author`);
* a pack with the id or a look-alike name of an installed pack must be signed by the same
  key (:func:`check_installed`);
* a pack may not bring practices or programs with the ids of built-in ones, or of another
  signer's pack (:func:`check_takeover`); the same signer's packs may share ids, as before.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from kapcompanion.core.folders import DataFolders
from kapcompanion.core.packs.format import Manifest, PackMeta
from kapcompanion.core.packs.lookalike import look_alike
from kapcompanion.core.packs.safety import refuse
from kapcompanion.core.packs.signing import same_name
from kapcompanion.core.packs.store import InstalledPack

log = logging.getLogger(__name__)

_AGAIN = "nothing was imported; please check with your therapist before going on"


def check_author(meta: PackMeta, signer: str, shown: str) -> None:
    """Refuse a pack whose pack.yaml names an author other than its key's confirmed name.

    Args:
        meta: the pack's pack.yaml.
        signer: the key's confirmed name (the trusted name, or the name it is signed with
            the first time).
        shown: how to name the pack.
    """
    if same_name(meta.author) != same_name(signer):
        raise refuse(
            shown,
            f"this pack says it is from {meta.author} — but it is signed by {signer}",
            _AGAIN,
        )


def check_installed(
    packs: Sequence[InstalledPack], meta: PackMeta, man: Manifest, shown: str
) -> InstalledPack | None:
    """The installed pack this one updates; refuses a same or look-alike name from another key."""
    installed = None
    for pack in packs:
        same = pack.meta.pack_id == meta.pack_id or look_alike(pack.meta.name, meta.name)
        if not same:
            continue
        if pack.manifest is None or pack.manifest.public_raw != man.public_raw:
            raise refuse(
                shown,
                f"you already have a pack called “{pack.meta.name}”, signed with a different key",
                "nothing was imported; a pack can only be updated by whoever signed it",
            )
        if pack.meta.pack_id == meta.pack_id:
            installed = pack
    return installed


def check_takeover(
    ids: Sequence[str],
    meta: PackMeta,
    man: Manifest,
    signer: str | None,
    packs: Sequence[InstalledPack],
    folders: DataFolders,
    shown: str,
) -> list[str]:
    """Ids of the pack's practices and programs that the library has from elsewhere.

    Refuses ids of built-in practices and programs, and ids in another signer's pack.
    Ids the person's own practices use, or another pack from the same key, are returned
    (the person's own come first in the library, as before).
    """
    # Imported here: loading the library pulls in the parser, which reading a pack does not need.
    from kapcompanion.core.library import BUILT_IN, Library

    lib = Library.load(folders, use_cache=False)
    mine = f"pack:{meta.pack_id}"
    by_folder = {f"pack:{p.folder.name}": p for p in packs}
    wanted = set(ids)
    found: list[str] = []
    who = signer or "an unknown sender"
    for key, origin in sorted(lib.origins.items()):
        pid = key.split("@", 1)[0]
        if pid not in wanted or origin == mine:
            continue
        if origin == BUILT_IN:
            raise refuse(
                shown,
                f"“{pid}” is a practice built into KAP Companion; this pack from {who} "
                "would replace it",
                "nothing was imported; a pack must give its practices ids of their own",
            )
        other = by_folder.get(origin)
        if other is not None:
            theirs = other.manifest.public_raw if other.manifest else None
            if theirs is None or theirs != man.public_raw:
                owner = (other.manifest.signer if other.manifest else None) or other.meta.author
                raise refuse(
                    shown,
                    f"“{pid}” is already in your library from {owner}'s pack "
                    f"“{other.meta.name}”; this pack from {who} would replace it",
                    "nothing was imported; only the one who signed a practice can update it",
                )
        if pid not in found:
            found.append(pid)
    return found
