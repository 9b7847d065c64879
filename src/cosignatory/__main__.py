"""`python -m cosignatory` runs the command line."""

from cosignatory.cli import main

main()
