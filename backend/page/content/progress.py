"""A progress bar on stderr, silent when not wanted."""

import sys

from tqdm import tqdm


def progress_bar(*, total: int, enabled: bool):
    """Return a bar counting articles; stderr keeps stdout for the report."""
    return tqdm(
        total=total,
        desc="Syncing articles",
        unit="article",
        file=sys.stderr,
        disable=not enabled,
        leave=False,
    )
