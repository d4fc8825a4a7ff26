"""Allow ``python -m kapcompanion``."""

from kapcompanion.cli import main

raise SystemExit(main())
