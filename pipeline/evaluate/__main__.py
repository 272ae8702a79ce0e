"""`python -m pipeline.evaluate [--json PATH] [--no-baseline] [--write-baseline]`."""

import sys

from pipeline.evaluate.command import main

sys.exit(main())
