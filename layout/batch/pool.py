"""The local engine: worker processes on this machine, the largest books first.

In: the tasks in the order they should start (largest first), the number of workers and
a `deliver` callback. Out: each book's `Outcome`, delivered in the caller's thread as it
finishes. At most one book per worker is handed out at a time, so the order holds and the
books a dead worker took down are known.

A worker that dies (killed, out of memory, a crash inside a library) breaks the pool: a
new one starts, the books that were in flight are converted again one at a time, and a
book that takes its worker down alone is recorded as an internal error; the rest go on.
Workers ignore Ctrl-C (the caller stops them) and, on Linux, end when the caller dies.
"""

from __future__ import annotations

import multiprocessing
import signal
import sys
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress

from layout.batch import engine
from layout.batch.worker import Outcome, Task, convert, died

DIED = "its process ended abruptly: killed, out of memory or crashed"


def run(tasks: Sequence[Task], jobs: int, deliver: Callable[[Outcome], None]) -> None:
    """Convert every task on `jobs` worker processes, delivering each outcome."""
    engine.load()  # once here: each forked worker starts with it
    queue: deque[Task] = deque(tasks)
    suspects: deque[Task] = deque()
    while queue or suspects:
        executor = ProcessPoolExecutor(
            max_workers=jobs, mp_context=_context(), initializer=_start_worker
        )
        try:
            _drain(executor, queue, suspects, jobs, deliver)
        except BaseException:
            _stop(executor)
            raise
        executor.shutdown(wait=True)


def _drain(
    executor: ProcessPoolExecutor,
    queue: deque[Task],
    suspects: deque[Task],
    jobs: int,
    deliver: Callable[[Outcome], None],
) -> None:
    """Hand out tasks until all are done or the pool breaks (the books then in flight
    are put among the suspects)."""
    running: dict[Future[Outcome], Task] = {}
    alone = False
    while queue or suspects or running:
        while not alone:
            if suspects and not running:
                task, alone = suspects.popleft(), True
            elif queue and not suspects and len(running) < jobs:
                task = queue.popleft()
            else:
                break
            try:
                running[executor.submit(convert, task)] = task
            except BrokenProcessPool:  # broke while we were handing out
                (suspects if alone else queue).appendleft(task)
                _settle(running, False, suspects, deliver)
                return
        done, _ = wait(running, return_when=FIRST_COMPLETED)
        if any(isinstance(f.exception(), BrokenProcessPool) for f in done):
            _settle(running, alone, suspects, deliver)
            return
        for future in done:
            deliver(_outcome(future, running.pop(future)))
        alone = False


def _settle(
    running: dict[Future[Outcome], Task],
    alone: bool,
    suspects: deque[Task],
    deliver: Callable[[Outcome], None],
) -> None:
    """After the pool broke: deliver the books that finished, put the others among the
    suspects, or record the one suspect that broke it alone."""
    wait(running)  # the others fail or finish at once
    for future, task in running.items():
        if future.exception() is None:
            deliver(future.result())
        elif alone:
            deliver(died(task, DIED))
        else:
            suspects.append(task)


def _outcome(future: Future[Outcome], task: Task) -> Outcome:
    """A finished future's outcome; an exception that escaped the job is a dead worker's."""
    error = future.exception()
    if error is None:
        return future.result()
    return died(task, f"{type(error).__name__}: {error}")


def _context() -> multiprocessing.context.BaseContext:
    """Fork where the system has it: workers start at once with the engine already
    imported; elsewhere the platform's default."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _start_worker() -> None:
    """Set a worker up: Ctrl-C is the caller's to handle, SIGTERM ends it at once (not
    the caller's handler a forked worker inherits); die with the caller (Linux)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform == "linux":
        import ctypes

        with suppress(OSError, AttributeError):
            pr_set_pdeathsig = 1
            ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _stop(executor: ProcessPoolExecutor) -> None:
    """Stop at once: cancel what waits and end the workers (the manifest already holds
    every finished book)."""
    executor.shutdown(wait=False, cancel_futures=True)
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        with suppress(Exception):
            process.terminate()
