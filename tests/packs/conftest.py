"""Fixtures for pack tests: a therapist's key (in memory) and a second, different key."""

from __future__ import annotations

import pytest

from kapcompanion.core.packs.signing import SigningKey


@pytest.fixture
def key() -> SigningKey:
    return SigningKey.generate("Sam Rivera")


@pytest.fixture
def other_key() -> SigningKey:
    return SigningKey.generate("Alex Moreno")
