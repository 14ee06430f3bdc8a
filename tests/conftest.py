"""Shared test fixtures: the `golden` comparison and paths to samples and the shared corpus.

A test that needs a file of the shared corpus (`../shared`, beside the repository) gets it
from `shared(...)`, which skips the test, saying so, in a clone that has none: the
README's test command passes on a fresh clone alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"
GOLDEN = Path(__file__).resolve().parent / "golden"
NO_SHARED = "needs the shared corpus (../shared beside the repository), which is not here"


def shared(*parts: str) -> Path:
    """The path of a shared file (`shared("corpus", "dta", "laband1876.txt")`); the calling
    test is skipped, with the reason, when the shared corpus is not beside this clone."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{NO_SHARED}: {'/'.join(parts)}")
    return path


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output (review the diff!)",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/NAME, or rewrite it under --update-golden."""
    update = request.config.getoption("--update-golden")

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"no golden file {path}; run pytest --update-golden"
        assert actual == path.read_text(encoding="utf-8")

    return check
