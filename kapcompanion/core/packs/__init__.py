"""Shareable, signed .kappack packs: build, inspect, import, and the signing keys.

Modules, each with one job:

* :mod:`~kapcompanion.core.packs.names` — the names every part agrees on (cheap to import);
* :mod:`~kapcompanion.core.packs.safety` — reading a zip without trusting it;
* :mod:`~kapcompanion.core.packs.format` — pack.yaml, the signed manifest, :class:`PackInfo`;
* :mod:`~kapcompanion.core.packs.signing` — Ed25519 keys and the store of trusted keys;
* :mod:`~kapcompanion.core.packs.store` — packs already installed, swapping a version in;
* :mod:`~kapcompanion.core.packs.build` — a pack from a therapist's folder;
* :mod:`~kapcompanion.core.packs.importing` — inspect, import and check a pack.

The submodules import each other directly, never this package, so there is no cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kapcompanion.core.lazy_names import lazy_getattr

if TYPE_CHECKING:
    from kapcompanion.core.packs.build import build_pack
    from kapcompanion.core.packs.format import NEW_KEY, UNSIGNED, VERIFIED, PackInfo, PackMeta
    from kapcompanion.core.packs.importing import (
        ImportResult,
        import_pack,
        inspect_pack,
        validate_pack,
    )
    from kapcompanion.core.packs.names import PACK_SUFFIX
    from kapcompanion.core.packs.safety import PackError
    from kapcompanion.core.packs.signing import SigningError, SigningKey, SigningStore
    from kapcompanion.core.packs.store import (
        InstalledPack,
        installed_packs,
        pack_authors,
        pack_for,
        pack_signers,
    )

# The names below load their submodule when first used (PEP 562), so importing one small
# submodule (``names``, for the window's drop target) does not load the zip, YAML and
# signing code at start-up.
_WHERE = {
    "build_pack": "build",
    "NEW_KEY": "format",
    "UNSIGNED": "format",
    "VERIFIED": "format",
    "PackInfo": "format",
    "PackMeta": "format",
    "ImportResult": "importing",
    "import_pack": "importing",
    "inspect_pack": "importing",
    "validate_pack": "importing",
    "PACK_SUFFIX": "names",
    "PackError": "safety",
    "SigningError": "signing",
    "SigningKey": "signing",
    "SigningStore": "signing",
    "InstalledPack": "store",
    "installed_packs": "store",
    "pack_authors": "store",
    "pack_for": "store",
    "pack_signers": "store",
}


__getattr__ = lazy_getattr(__name__, _WHERE)


__all__ = [
    "NEW_KEY",
    "PACK_SUFFIX",
    "UNSIGNED",
    "VERIFIED",
    "ImportResult",
    "InstalledPack",
    "PackError",
    "PackInfo",
    "PackMeta",
    "SigningError",
    "SigningKey",
    "SigningStore",
    "build_pack",
    "import_pack",
    "inspect_pack",
    "installed_packs",
    "pack_authors",
    "pack_for",
    "pack_signers",
    "validate_pack",
]
