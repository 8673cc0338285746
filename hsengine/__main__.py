"""`python -m hsengine ...` runs the command line (see hsengine.cli)."""

from hsengine.cli.app import main

if __name__ == "__main__":  # the guard matters: --jobs workers are spawned and re-import __main__
    main()
