"""`python -m layout` runs the command line."""

import sys

from layout.cli import main

sys.exit(main())
