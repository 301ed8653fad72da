import pytest

from warehouse.connection import prepare_warehouse


@pytest.fixture
def warehouse_path(tmp_path):
    """A migrated, empty warehouse file in the test's own folder."""
    path = tmp_path / "wirehouse.duckdb"
    prepare_warehouse(path)
    return path
