"""Find the bundled assets and built-in practices, installed or from a source checkout.

Every lookup of shipped files goes through :func:`bundled`; nothing is found relative to
the working directory.
"""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

log = logging.getLogger(__name__)

_KINDS = ("assets", "scripts")


def bundled(kind: str) -> Path:
    """Return the folder of shipped ``assets`` or ``scripts``.

    In an installed wheel they live in ``kapcompanion/_bundled/``; in a source checkout
    (editable install or running from the tree) they are the top-level folders beside the
    package.
    """
    if kind not in _KINDS:
        raise ValueError(f"unknown bundled folder {kind!r}; expected one of {_KINDS}")
    package = resources.files("kapcompanion")
    installed = package / "_bundled" / kind
    if installed.is_dir():
        return Path(str(installed))
    source = Path(str(package)).parent / kind
    if source.is_dir():
        return source
    log.warning("bundled folder %s not found (looked in %s and %s)", kind, installed, source)
    return Path(str(installed))


def asset(*parts: str) -> Path:
    """Return the path of one shipped asset, e.g. ``asset("sounds", "rain.ogg")``."""
    return bundled("assets").joinpath(*parts)


def builtin_scripts() -> Path:
    """Return the folder of the built-in practice library."""
    return bundled("scripts")
