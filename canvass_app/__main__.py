"""`python -m canvass_app` and the frozen app's entry point."""

import sys

from canvass_app.cli import main

sys.exit(main())
