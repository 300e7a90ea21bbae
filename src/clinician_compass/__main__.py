"""``python -m clinician_compass``."""

from clinician_compass.cli.main import main

raise SystemExit(main())
