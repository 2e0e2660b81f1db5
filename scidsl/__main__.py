"""`python -m scidsl` runs the command line."""
from scidsl.cli import main

raise SystemExit(main())
