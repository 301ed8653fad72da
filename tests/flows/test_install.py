"""`pip install .` (not editable) into a fresh venv, then `wirehouse run` from another folder:
the rules in seeds/ and the SQL in sql/ travel with the wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv

import pytest

from tests.conftest import PROJECT_ROOT, SEED_ARTICLE

pytestmark = pytest.mark.usefixtures("prefect_server")


def test_an_installed_wheel_runs_from_another_folder(tmp_path):
    from prefect.settings import PREFECT_API_URL

    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--disable-pip-version-check",
                    str(PROJECT_ROOT), "-w", str(tmp_path / "dist")], check=True, capture_output=True)
    (wheel,) = (tmp_path / "dist").glob("wirehouse-*.whl")
    venv.create(tmp_path / "venv", with_pip=True)
    python = tmp_path / "venv" / "bin" / "python"
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", "--disable-pip-version-check",
                    str(wheel)], check=True, capture_output=True)
    # the dependencies (spaCy, the model, DuckDB, Prefect...) come from this environment, behind the wheel
    site_packages = subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                                   check=True, capture_output=True, text=True).stdout.strip()
    (tmp_path / "venv" / site_packages.split("/venv/", 1)[1] / "dependencies.pth").write_text(
        sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("WIREHOUSE_", "PREFECT_HOME"))}
    environment |= {"PREFECT_API_URL": PREFECT_API_URL.value(), "WIREHOUSE_TASK_RUNNER": "threads"}
    result = subprocess.run([tmp_path / "venv" / "bin" / "wirehouse", "run", str(SEED_ARTICLE), "--no-export",
                             "--published-at", "2015-03-21"], cwd=elsewhere, env=environment, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    imported = subprocess.run([python, "-c", "import flows; print(flows.__file__)"], cwd=elsewhere, env=environment,
                              capture_output=True, text=True, check=True).stdout
    assert str(PROJECT_ROOT) not in imported  # the installed copy ran, not this checkout
    shown = subprocess.run([tmp_path / "venv" / "bin" / "wirehouse", "sql", "select count(*) from events"],
                           cwd=elsewhere, env=environment, capture_output=True, text=True, check=True).stdout
    assert (elsewhere / "warehouse" / "wirehouse.duckdb").is_file()
    assert " 6 " in shown  # the seed's six events
    counted = subprocess.run([python, "-c", "import wirehouse\nwith wirehouse.connect() as w:\n"
                              "    print(w.sql('select count(*) as n from events').pl()['n'][0])"],
                             cwd=elsewhere, env=environment, capture_output=True, text=True, check=True).stdout
    assert counted.strip() == "6"  # the front door for notebooks travels too
    # every rule and SQL file of the checkout travels (sql/evaluation was once left behind), and the
    # report, with its template and outlines, runs from the installed copy
    data_dir = tmp_path / "venv" / "share" / "wirehouse"
    shipped = {path.relative_to(data_dir).as_posix() for path in data_dir.rglob("*") if path.suffix in (".sql", ".csv", ".toml")}
    in_checkout = {path.relative_to(PROJECT_ROOT).as_posix() for folder in ("sql", "seeds")
                   for path in (PROJECT_ROOT / folder).rglob("*") if path.suffix in (".sql", ".csv", ".toml")}
    assert in_checkout - shipped == set()
    report = subprocess.run([tmp_path / "venv" / "bin" / "wirehouse", "report"], cwd=elsewhere, env=environment,
                            capture_output=True, text=True, timeout=120)
    assert report.returncode == 0, report.stderr[-2000:]
    assert (elsewhere / "warehouse" / "report.html").stat().st_size > 100_000
