"""Where batches run (flows/runners.py): the worker processes and their release."""

import multiprocessing
import os

from prefect import flow, task
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from flows.runners import release_workers


@task
def process_id() -> int:
    return os.getpid()


@flow(task_runner=ProcessPoolTaskRunner(max_workers=1))
def released_after_one_task() -> tuple[int, set[int], set[int]]:
    worker = process_id.submit().result()
    before = {child.pid for child in multiprocessing.active_children()}
    release_workers()
    return worker, before, {child.pid for child in multiprocessing.active_children()}


@flow(task_runner=ThreadPoolTaskRunner(max_workers=1))
def threads_released() -> tuple[int, int]:
    first = process_id.submit().result()
    release_workers()
    return first, process_id.submit().result()


def test_released_workers_are_gone_before_the_flow_ends():
    worker, before, after = released_after_one_task()
    assert worker != os.getpid() and worker in before
    assert worker not in after and not after


def test_a_thread_runner_keeps_running_tasks_after_a_release():
    assert threads_released() == (os.getpid(), os.getpid())


def test_a_release_outside_a_flow_does_nothing():
    """No flow run, no runner to stop: the call returns (it must not reach for a missing context)."""
    before = {child.pid for child in multiprocessing.active_children()}
    assert release_workers() is None
    assert {child.pid for child in multiprocessing.active_children()} == before
