"""`python -m canvass_app` and the frozen app's entry point."""

import multiprocessing
import sys

from canvass_app.cli.main import main

if __name__ == "__main__":  # an import's reading process (spawned) imports this module again: it must not run
    multiprocessing.freeze_support()  # in the frozen app, a spawned process runs the child's code, not main()
    sys.exit(main())
