"""`python -m flows ...` is the `wirehouse` command (for machines where the script is not on PATH)."""

import sys

from flows.cli import app

sys.exit(app())
