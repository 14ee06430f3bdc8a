"""The engine a batch worker converts books with, loaded where it pays.

The modules under `layout.job` (the readers, passes and writers: a tenth of a second to
import) are loaded by the processes that convert books, not by the one that hands them
out: a batch's parent only builds tasks and records outcomes. Forked workers start with
what their parent holds, so the process pool's parent loads the engine before it forks
them, and a Dask fork server imports it as its preload; a `--cluster local` parent never
loads it.
"""

from __future__ import annotations

import importlib

MODULES = ("layout.job", "layout.writers.pages")
"""What `layout.batch.worker.convert` runs on (the rest of the engine comes with them)."""


def load() -> None:
    """Import the engine now, once for every worker to be forked from this process."""
    for module in MODULES:
        importlib.import_module(module)
