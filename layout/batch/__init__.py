"""A whole shelf at once: many books converted on every core, or on a Dask cluster.

    layout batch shelf/ -o out/ [--formats tei,json,text] [--jobs N] [--resume]
                        [--cluster ADDRESS] [--pages]

    from layout.batch import Plan, run
    summary = run(["shelf/"], "out/", Plan(formats=("tei", "json")))

The modules, in the order a batch goes through them:

- `shelf`: the books the INPUTs name (files, book folders, folders of books, @lists),
  each with a unique name, its size and (for `--resume`) its hash;
- `manifest` and `journal`: OUTDIR/manifest.jsonl, one line per finished book, flushed
  at once; what `--resume` may skip; pages.jsonl likewise;
- `worker`: one book in a worker process (`layout.job.convert_file` underneath);
- `pool` (local worker processes) and `cluster` (Dask distributed): the engines;
- `progress`: the bar over books and pages, and the summary;
- `run`: the door, from INPUTs to summary.
"""

from layout.batch.progress import Summary
from layout.batch.run import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_OUTPUT,
    EXIT_USAGE,
    BatchError,
    Plan,
    cores,
    default_formats,
    parse_formats,
    run,
)

__all__ = [
    "EXIT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_OUTPUT", "EXIT_USAGE",
    "BatchError", "Plan", "Summary", "cores", "default_formats", "parse_formats", "run",
]
