"""`python -m layout` runs the command line."""

import sys

from layout.cli import entry

sys.exit(entry())
