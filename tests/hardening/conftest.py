"""Every test in this folder stops, starts or kills something of the running test stack."""

from pathlib import Path

import pytest


def pytest_collection_modifyitems(items):
    """Mark every test in this folder ``resilience``."""
    folder = Path(__file__).parent
    for item in items:
        if folder in Path(item.fspath).parents:
            item.add_marker(pytest.mark.resilience)
