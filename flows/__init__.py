"""Prefect flows and the CLI: thin wiring around the stage packages (ingest, nlp, extract, link) and warehouse/.

Importing this package sets Prefect's environment defaults (a project-local PREFECT_HOME,
no telemetry, quiet logs, a bounded thread pool) before Prefect itself is imported. A
value already in the environment wins.
"""

import os
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent
# The project folder of a checkout; installed from a wheel, the folder it is run from (where
# warehouse/, inbox/ and .prefect/ go by default).
PROJECT_ROOT = CHECKOUT if (CHECKOUT / "pyproject.toml").is_file() else Path.cwd()

PREFECT_DEFAULTS = {
    "PREFECT_HOME": str(PROJECT_ROOT / ".prefect"),
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    "PREFECT_TASKS_RUNNER_THREAD_POOL_MAX_WORKERS": "4",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
}
for _name, _value in PREFECT_DEFAULTS.items():
    os.environ.setdefault(_name, _value)
