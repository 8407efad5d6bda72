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


@pytest.fixture(scope="session")
def sample_report_dir(tmp_path_factory):
    """The sample event's report (both editions), built once for the whole test session."""
    from analysis.report import build_report

    out = tmp_path_factory.mktemp("sample-report")
    build_report([SAMPLE_EVENT], out=out, workers=2, log=lambda *_: None)
    return out / SAMPLE_EVENT.name
