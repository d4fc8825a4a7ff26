from __future__ import annotations

from pathlib import Path

import pytest

from tests.audio.fixtures import resolver_for, write_sounds


@pytest.fixture(scope="session")
def sound_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_sounds(tmp_path_factory.mktemp("sounds"))


@pytest.fixture(scope="session")
def resolver(sound_files: dict[str, Path]):
    return resolver_for(sound_files)
