"""Where a run's batches are extracted: the task runner the settings name, each worker warmed
with the model and the rules, and one Prefect API shared by the flow and its workers."""

import os
from contextlib import ExitStack
from pathlib import Path

from prefect.context import FlowRunContext
from prefect.settings import get_current_settings
from prefect.task_runners import ProcessPoolTaskRunner, TaskRunner, ThreadPoolTaskRunner

from flows.settings import Settings
from flows.tasks import extraction_rules
from nlp.pipeline import load_pipeline


def warm_worker(model_name: str, seeds_dir: Path) -> None:
    """Load the model and the rules (gazetteer included) once, when a worker process starts."""
    load_pipeline(model_name)
    extraction_rules(seeds_dir)

def task_runner_for(settings: Settings) -> TaskRunner:
    """The task runner the settings name: worker processes on this machine (the model loaded
    once per process), threads in this process, or Dask (a scheduler address, else a local
    cluster of `workers` single-threaded workers)."""
    if settings.task_runner == "threads":
        return ThreadPoolTaskRunner(max_workers=settings.workers)
    if settings.task_runner == "dask":
        from prefect_dask import DaskTaskRunner

        if settings.dask_address:
            return DaskTaskRunner(address=settings.dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": settings.workers, "threads_per_worker": 1,
                                              "processes": True})
    return ProcessPoolTaskRunner(max_workers=settings.workers, initializer=warm_worker,
                                 initargs=(settings.model, settings.seeds_dir))


def release_workers() -> None:
    """Stop the running flow's worker processes once it has no more work for them. A run links
    after its last load, in this process; idle workers kept for the flow's end held 1.43 GB of
    the 3.03 GB peak at 100,000 articles. Only the local process pool is stopped (cancel_all is
    what the runner's own exit calls, and calling it twice is harmless); threads hold nothing of
    their own, and a Dask cluster may serve other runs."""
    context = FlowRunContext.get()
    if context is not None and isinstance(context.task_runner, ProcessPoolTaskRunner):
        context.task_runner.cancel_all()


# Holds this process's Prefect settings naming the shared API, for the rest of the process.
_SHARED_API = ExitStack()


def share_api_with_workers() -> None:
    """Make worker processes report to this process's Prefect API. With no PREFECT_API_URL,
    Prefect starts a temporary server for the flow, and each worker process would start one of
    its own (about 220 MB and a few seconds each); starting it here gives one server for the
    whole run. Worker processes inherit its address from the environment; Dask workers started
    elsewhere (`dask worker`) get it with each task, in the Prefect settings a task carries.
    A Dask worker on another machine cannot reach this temporary server, which listens on this
    machine only: there, run a Prefect server and set PREFECT_API_URL on both sides."""
    if os.environ.get("PREFECT_API_URL") or get_current_settings().api.url:
        return
    from prefect.server.api.server import SubprocessASGIServer
    from prefect.settings import PREFECT_API_URL, temporary_settings

    server = SubprocessASGIServer()  # the instance Prefect's own client would start and reuse
    server.start()
    os.environ["PREFECT_API_URL"] = server.api_url
    _SHARED_API.enter_context(temporary_settings(updates={PREFECT_API_URL: server.api_url}))
