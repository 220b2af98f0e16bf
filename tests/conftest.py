"""Fixtures shared by the explorer tests."""

import pytest


@pytest.fixture
def make():
    """Create explorers with ``make(cls, *args, **kwargs)``; all are closed afterwards."""
    made = []

    def factory(cls, *args, **kwargs):
        explorer = cls(*args, **kwargs)
        made.append(explorer)
        return explorer

    yield factory
    for explorer in made:
        explorer.close()
