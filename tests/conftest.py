"""Shared fixtures: the sample event, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_EVENT = ROOT / "data" / "events" / "ukraine-weapons-2024-05"


@pytest.fixture(scope="session")
def sample_corpus():
    import analysis as an

    return an.load_event(SAMPLE_EVENT)
