"""The bundled app's command line (PyInstaller's entry script for `briefsmith-cli`)."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from exporters.cli import main

    sys.exit(main())
