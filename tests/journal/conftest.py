"""Journal test fixtures: a real SQLite journal in the test's private data dir."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kapcompanion.journal.store import JournalStore
from kapcompanion.paths import data_dir


@pytest.fixture
def data() -> Path:
    return data_dir()


@pytest.fixture
def store() -> Iterator[JournalStore]:
    s = JournalStore.open()
    yield s
    s.close()
