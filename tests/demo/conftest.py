import shutil
from pathlib import Path

import pytest

from tests.fixtures.demo import demo_catalog_dir


@pytest.fixture
def catalog_copy(tmp_path) -> Path:
    """A copy of the demo catalog a test may break."""
    target = tmp_path / "catalog"
    shutil.copytree(demo_catalog_dir(), target)
    return target
