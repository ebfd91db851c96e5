"""The bundled app's window (PyInstaller's entry script for `briefsmith`)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The import reader runs in a child process started by re-running this executable
    # (multiprocessing's spawn): the child must be recognised before the window starts.
    multiprocessing.freeze_support()
    from desktop.app import main

    sys.exit(main())
