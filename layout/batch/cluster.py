"""The cluster engine: the same tasks on a Dask distributed cluster.

In: the tasks, the scheduler's address (`tcp://host:8786`, or `local` for a
`LocalCluster` of `jobs` worker processes on this machine), the output folder and a
`deliver` callback. Out: each book's `Outcome`, delivered in the caller's thread as it
comes back. Dask schedules (the largest books get the highest priority), retries a book
whose worker died, and gives up on one that killed workers again and again: that book is
recorded as an internal error and the rest go on.

The workers read the books and write the outputs themselves, so the INPUTs and OUTDIR
must be on a file system every worker sees under the same path; before any book is
handed out, each worker is asked whether it sees OUTDIR and runs this version of layout.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import multiprocessing
import multiprocessing.forkserver
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any

from layout import __version__

if TYPE_CHECKING:
    from layout.batch.worker import Outcome, Task

CONNECT_SECONDS = 20
"""How long to wait for a scheduler to answer."""


class ClusterError(Exception):
    """The cluster cannot run the batch (not reached, workers that cannot see OUTDIR)."""


def run(
    tasks: Sequence[Task],
    address: str,
    jobs: int,
    outdir: str,
    deliver: Callable[[Outcome], None],
) -> None:
    """Convert every task on the cluster at `address`, delivering each outcome."""
    if importlib.util.find_spec("distributed") is None:
        raise ClusterError(
            "--cluster needs Dask's 'distributed' package: "
            "pip install 'layout-ocr-books[cluster]'"
        )
    from layout.batch.worker import convert, died

    if address == "local":
        start_local_server()  # if the command line has not already
    distributed: Any = importlib.import_module("distributed")  # typed loosely upstream
    with _client(distributed, address, jobs) as client:
        _check_workers(client, outdir)
        futures = {
            client.submit(convert, task, priority=task.volume.size, pure=False): task
            for task in tasks
        }
        try:
            for future in distributed.as_completed(list(futures)):
                task = futures.pop(future)
                try:
                    outcome = future.result()
                except Exception as err:  # noqa: BLE001  (KilledWorker and the like)
                    outcome = died(task, f"{type(err).__name__}: {err}")
                deliver(outcome)
        finally:
            if futures:
                client.cancel(list(futures))


@contextmanager
def _client(distributed: Any, address: str, jobs: int) -> Iterator[Any]:
    """A client of the cluster at `address`, or of a new LocalCluster for `local`."""
    if address == "local":
        with _local_settings(), _local_cluster(distributed, jobs) as cluster, \
                distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(address, timeout=CONNECT_SECONDS)
    except (OSError, TimeoutError, ValueError) as err:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {err}") from None
    with client:
        yield client


@contextmanager
def _local_cluster(distributed: Any, jobs: int) -> Iterator[Any]:
    """A LocalCluster of `jobs` single-threaded worker processes; ClusterError when it
    does not start."""
    try:
        cluster = distributed.LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True,
            dashboard_address=None, silence_logs=logging.ERROR,
        )
    except Exception as err:  # noqa: BLE001  (whatever keeps Dask's workers from starting)
        raise ClusterError(f"cannot start a local Dask cluster: {err}") from None
    with cluster:
        yield cluster


LOCAL_SETTINGS: dict[str, object] = {
    "distributed.worker.profile.enabled": False,
    "distributed.scheduler.work-stealing": False,
    "distributed.scheduler.worker-saturation": 1.0,
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.nanny.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.admin.tick.interval": "1s",
}
"""Dask settings for the LocalCluster this command starts (a cluster given by address
keeps its own). When every core converts books, each periodic chore of the scheduler and
the workers takes its time from a book: the statistical profiler (it samples each
worker's thread every 10 ms); work stealing (nothing to steal when each worker holds one
book: saturation 1.0 hands a worker its next book only as it finishes one, largest first,
as the process pool does); the memory monitors, polled ten times a second (once a second
still stops a worker running away with the memory); the system monitor's samples for a
dashboard there is none of; and the check for a blocked event loop, fifty times a second
in each of five loops. Without them the books convert on Dask as fast as in the process
pool (0.98x its time, start-up apart, on the benchmark's 6,924 pages; 1.08x with them)."""

PRELOAD = ["layout.batch.fork_server"]
"""What the fork server imports once, so that every worker starts with it imported: Dask,
what the workers are asked to run (`worker_sees`, `layout.batch.worker.convert`) and the
engine under it (see `layout.batch.fork_server`)."""

FORKSERVER = "forkserver" in multiprocessing.get_all_start_methods()
"""Whether the system can fork workers from a server (not on Windows)."""


def start_local_server() -> None:
    """Start the fork server the workers of a `local` cluster are forked from, importing
    Dask and the engine once (where the system has one and Dask is installed; at once
    if it is running). Started before this process imports Dask, the two imports run
    side by side: the cluster is up about a fifth of a second sooner than when the
    server starts as the first worker is asked for, and a few seconds sooner than Dask's
    default, each worker a fresh interpreter importing everything. The command line
    starts it first thing, before it loads the rest of the batch."""
    if not FORKSERVER or importlib.util.find_spec("distributed") is None:
        return
    with suppress(Exception):  # only an optimisation: Dask's own start otherwise
        multiprocessing.get_context("forkserver").set_forkserver_preload(PRELOAD)
        multiprocessing.forkserver.ensure_running()


@contextmanager
def _local_settings() -> Iterator[None]:
    """The LOCAL_SETTINGS, and workers forked from the fork server where there is one
    (Dask then finds it running: its own preload list comes too late to replace ours)."""
    import dask

    settings = dict(LOCAL_SETTINGS)
    if FORKSERVER:
        settings["distributed.worker.multiprocessing-method"] = "forkserver"
    with dask.config.set(settings):
        yield


def _check_workers(client: Any, outdir: str) -> None:
    """Refuse a cluster whose workers cannot see OUTDIR or run another layout."""
    answers: dict[str, tuple[bool, str]] = client.run(worker_sees, outdir)
    for worker, (sees, version) in sorted(answers.items()):
        if not sees:
            raise ClusterError(
                f"the Dask worker {worker} does not see {outdir}: put the books and "
                "OUTDIR on a file system every worker mounts under the same path"
            )
        if version != __version__:
            raise ClusterError(
                f"the Dask worker {worker} runs layout {version}, this is {__version__}"
            )


def worker_sees(outdir: str) -> tuple[bool, str]:
    """Run on a worker: whether OUTDIR is there to write in, and the layout version."""
    from layout import __version__ as version

    return os.path.isdir(outdir) and os.access(outdir, os.W_OK), version
