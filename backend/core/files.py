"""Helpers for commands that read data files and report on them."""

import sys
from pathlib import Path

from tqdm import tqdm


def display_path(path: Path) -> str:
    """Return the path relative to the working directory when it is inside."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def progress_bar(*, total: int, enabled: bool, desc: str, unit: str):
    """Return a bar on stderr, so stdout keeps the command's report."""
    return tqdm(
        total=total,
        desc=desc,
        unit=unit,
        file=sys.stderr,
        disable=not enabled,
        leave=False,
    )
