"""``python -m coverage``: the study's command line (see coverage.cli)."""

from .cli import main

raise SystemExit(main())
