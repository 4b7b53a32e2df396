"""A progress bar on stderr, silent when not wanted."""

import sys

from tqdm import tqdm


def progress_bar(*, total: int, enabled: bool):
    """Return a bar counting load steps; stderr keeps stdout for the report."""
    return tqdm(
        total=total,
        desc="Loading demo store",
        unit="step",
        file=sys.stderr,
        disable=not enabled,
        leave=False,
    )
