"""Writers turn a Book into bytes; they decide nothing about the layout.

In: a Book whose passes have run. Out: `tei` (TEI P5, its header from `tei_header`),
`dtabf` (the DTA base format), `analysis` (the contract's JSON), `text` (the reading
text), `html` (the HTML edition, for reading and review in a browser), and the re-typeset
book (composed by `layout.typeset`) as `pdf` (ReportLab) and `png` (Pillow). Not handled:
writing files (`layout.files` does, for the command line and the job).
"""


class RefusedOutput(Exception):
    """An output a writer will not produce as asked (a PDF that fails its PDF/A check)."""
