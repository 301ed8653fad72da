"""Scheduled loading: a local Prefect server and the ETL flow served on a cron over an inbox.

`make serve` (or `wirehouse serve`) starts `prefect server start` on localhost unless
PREFECT_API_URL already points at a server, then serves the flow; every scheduled run
loads the inbox directory, and articles already loaded are skipped by their text hash.
Stop it with Ctrl-C: the server started here stops with it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from flows.settings import Settings

SERVER_START_TIMEOUT_SECONDS = 90


def server_is_healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def start_local_server(port: int) -> tuple[subprocess.Popen, str]:
    """Start `prefect server start` on 127.0.0.1 and wait until it answers."""
    api_url = f"http://127.0.0.1:{port}/api"
    server = subprocess.Popen(
        [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + SERVER_START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"prefect server exited with code {server.returncode}; is port {port} in use?")
        if server_is_healthy(api_url):
            return server, api_url
        time.sleep(1)
    server.terminate()
    raise RuntimeError(f"prefect server did not answer on {api_url} within {SERVER_START_TIMEOUT_SECONDS} s")


def serve(inbox: Path, cron: str, port: int = 4200, warehouse: Path | None = None) -> None:
    """Serve the ETL flow on a cron schedule over the inbox until interrupted."""
    inbox.mkdir(parents=True, exist_ok=True)
    server = None
    if not os.environ.get("PREFECT_API_URL"):
        server, api_url = start_local_server(port)
        os.environ["PREFECT_API_URL"] = api_url
        print(f"Prefect server and UI: {api_url.removesuffix('/api')}")
    from flows.etl import etl_for  # after PREFECT_API_URL is set, so the flow talks to that server

    parameters: dict[str, object] = {"inputs": [str(inbox)]}
    if warehouse is not None:
        parameters["warehouse"] = str(warehouse)
    try:
        etl_for(Settings()).serve(name="inbox", cron=cron, parameters=parameters,
                  description=f"Load new articles from {inbox} on the schedule {cron!r}")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)


def main() -> None:
    settings = Settings()
    serve(settings.inbox_dir, settings.schedule_cron)


if __name__ == "__main__":
    main()
