"""Run callables at the same moment, each in its own thread and connection."""

import threading
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import connection

TIMEOUT_SECONDS = 30


def error_code(field: str, code: str):
    """Describe a refusal by its code alone."""
    return code


def run_at_once(
    actions: list[Callable[[], object]],
    *,
    describe_refusal: Callable[[str, str], object] = error_code,
) -> list:
    """Release every action together; return what each returned or why it failed.

    A ValidationError becomes ``describe_refusal(field, code)``; any other
    error its repr, so the test's assertion shows it.
    """
    barrier = threading.Barrier(len(actions))
    outcomes: list = [None] * len(actions)

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=TIMEOUT_SECONDS)
            outcomes[index] = actions[index]()
        except ValidationError as error:
            ((field, errors),) = error.error_dict.items()
            outcomes[index] = describe_refusal(field, errors[0].code)
        except Exception as error:  # noqa: BLE001 - reported in the assertion
            outcomes[index] = repr(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(actions))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=TIMEOUT_SECONDS)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes
