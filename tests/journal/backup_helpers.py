"""Real user data for backup tests: a valid own practice and a signed, imported pack."""

from __future__ import annotations

import tempfile
from pathlib import Path

from kapcompanion.core.folders import DataFolders
from kapcompanion.core.library import builtin_ids
from kapcompanion.core.packs import import_pack
from kapcompanion.core.packs.signing import SigningKey
from tests.packs.helpers import pack_files, signed_zip

OWN = """\
kapcompanion: 1
id: {id}
title: My own pause
category: prepare
summary: A short pause of my own.
steps:
  - say: Settle in however feels right.
  - breathe:
      inhale: 4
      exhale: 6
      cycles: 2
"""


def own_practice(practice_id: str) -> str:
    """A valid practice of the person's own, as YAML text."""
    return OWN.format(id=practice_id)


def install_pack(data: Path) -> Path:
    """Import a signed pack into the data dir's packs folder; returns its folder."""
    with tempfile.TemporaryDirectory() as tmp:
        file = signed_zip(
            Path(tmp) / "calm.kappack", pack_files(), SigningKey.generate("Sam Rivera")
        )
        import_pack(file, DataFolders(data), known_ids=builtin_ids(), confirm=lambda info: True)
    return data / "packs" / "calm-start"
