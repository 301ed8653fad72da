"""The scheduled deployment: prefect.yaml names a flow that loads, on a valid hourly cron."""

from __future__ import annotations

import yaml
from prefect.flows import load_flow_from_entrypoint
from prefect.client.schemas.schedules import CronSchedule

from flows.settings import Settings
from tests.conftest import PROJECT_ROOT


def test_prefect_yaml_deployment_points_at_the_etl_flow():
    config = yaml.safe_load((PROJECT_ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    (deployment,) = config["deployments"]
    loaded = load_flow_from_entrypoint(str(PROJECT_ROOT / deployment["entrypoint"]))
    assert loaded.name == "wirehouse-etl"
    assert deployment["parameters"]["inputs"] == ["inbox"]
    (schedule,) = deployment["schedules"]
    assert CronSchedule(cron=schedule["cron"], timezone=schedule["timezone"]).cron == "0 * * * *"


def test_default_schedule_is_hourly_over_the_inbox():
    settings = Settings()
    assert CronSchedule(cron=settings.schedule_cron).cron == "0 * * * *"
    assert settings.inbox_dir == PROJECT_ROOT / "inbox"
