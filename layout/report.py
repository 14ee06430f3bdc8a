"""How one book's conversion went: the `Report` a one-book job (`layout.job`) returns,
and the command line's exit codes it carries.

Its own module, apart from the job and the engine under it: a batch's parent receives a
`Report` from every worker, and unpickling one imports the module that defines it (the
job's module would load the whole engine into a process that has no use for it).
"""

from __future__ import annotations

from dataclasses import dataclass

from layout.progress import pages_word

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_OUTPUT, EXIT_INTERNAL = 0, 1, 2, 3, 4


@dataclass(frozen=True, slots=True)
class Report:
    """How the conversion of one input went (small and picklable, for batch workers)."""

    input: str
    status: int
    """The command line's exit code: 0 converted, 1 input, 3 output, 4 internal error."""
    message: str = ""
    """One line saying what went wrong ("" when converted), without the `layout: `."""
    pages: int = 0
    seconds: float = 0.0
    outputs: tuple[str, ...] = ()
    """The files and folders written (standard output is not listed)."""
    remarks: tuple[str, ...] = ()
    """The engine's remarks about the input (one line each), for the user to read."""

    @property
    def summary(self) -> str:
        """'645 pages in 1.23 s -> out/a.json, out/a.txt'."""
        took = f"{pages_word(self.pages)} in {self.seconds:.2f} s"
        return f"{took} -> {', '.join(self.outputs)}" if self.outputs else took
