"""``python -m triggerpoints``: the command line (see :mod:`triggerpoints.cli`)."""

from triggerpoints.cli import main

raise SystemExit(main())
