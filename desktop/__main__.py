"""``python -m desktop``: the ``blotter`` command (the window when no subcommand is given)."""

from desktop.cli import main

raise SystemExit(main())
