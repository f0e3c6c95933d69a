"""Shared test options: where the public extraction benchmark lives.

The benchmark's pages stay outside the project. A test that uses them takes the path from
``--peer-corpus PATH`` (a folder holding trafilatura-eval.tar.gz, or the tarball itself), else
from the COVERAGE_PEER environment variable, else from ``../shared/peer`` beside the project,
and skips with a message saying where to put it when none is there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coverage.config import ROOT

TARBALL = "trafilatura-eval.tar.gz"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--peer-corpus", metavar="PATH", default=None,
                     help=f"the extraction benchmark: {TARBALL} or the folder holding it (default ../shared/peer)")


@pytest.fixture(scope="session")
def peer_tarball(request: pytest.FixtureRequest) -> Path:
    """The benchmark tarball, or a skip that says how to provide it."""
    given = request.config.getoption("--peer-corpus") or os.environ.get("COVERAGE_PEER")
    base = Path(given) if given else ROOT.parent / "shared" / "peer"
    tarball = base if base.name.endswith(".tar.gz") else base / TARBALL
    if not tarball.is_file():
        pytest.skip(f"extraction benchmark absent ({tarball} not found): pass --peer-corpus PATH or set COVERAGE_PEER")
    return tarball
