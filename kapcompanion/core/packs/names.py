"""Names every part of the app agrees on for packs (a small module: cheap to import)."""

from __future__ import annotations

#: The file extension of a pack.
PACK_SUFFIX = ".kappack"
