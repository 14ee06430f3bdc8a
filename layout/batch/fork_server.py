"""What the fork server of a `--cluster local` batch imports before it forks any worker.

The server is a process of its own (multiprocessing's forkserver) that every worker of
the LocalCluster is forked from; importing this module is its preload, and the only
place it is imported (the batch's own process never is, see `cluster.PRELOAD`). It
loads, once for all the workers:

- Dask's `distributed`, the functions the workers are asked to run
  (`cluster.worker_sees`, `worker.convert`) and the engine under them (`engine.load`),
  with the cycle collector paused: the imports build some sixty thousand objects the
  collector tracks and none of them is garbage, so its rounds would only walk them
  again (a twelfth of the import's time);
- then freezes them (`gc.freeze`), so that the server's own end does not walk them
  either: it ends as the batch does, and the batch's caller, reading its output to the
  end, waits for it too (a tenth of a second with them unfrozen, a hundredth frozen);
- and gives each forked worker its objects back to the collector (`gc.unfreeze` after
  the fork), so that a worker collects as one of the process pool's does and the
  engine's own pause of the collector (`api.cycle_collector_paused`) works alike.
"""

from __future__ import annotations

import gc
import importlib
import os

from layout.batch import engine

MODULES = ("distributed", "layout.batch.cluster", "layout.batch.worker")
"""Dask, and where the functions the workers run live; `engine.load` brings the rest."""

gc.disable()
try:
    for module in MODULES:
        importlib.import_module(module)
    engine.load()
finally:
    gc.enable()
gc.freeze()
os.register_at_fork(after_in_child=gc.unfreeze)
