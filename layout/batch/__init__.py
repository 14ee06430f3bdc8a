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
- `worker`: one book in a worker process (`layout.job.convert_file` underneath), and
  `engine`: the modules it runs on, loaded only where books are converted;
- `pool` (local worker processes) and `cluster` (Dask distributed): the engines;
- `progress`: the bar over books and pages, and the summary;
- `runner`: the door, from INPUTs to summary (`run`).

The names below load with their modules at first use (PEP 562), not with the package:
`layout batch --cluster local` imports `cluster` first, to start its fork server before
it loads anything else (and the server imports `cluster` without the rest).
"""

from typing import TYPE_CHECKING

from layout import names_at_first_use

if TYPE_CHECKING:
    from layout.batch.progress import Summary
    from layout.batch.runner import (
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


__getattr__, __dir__ = names_at_first_use(__name__, {
    name: "layout.batch.progress" if name == "Summary" else "layout.batch.runner"
    for name in __all__
})
