import pytest

# Lines the demo crawl leaves for the end of the run (tests/deploy).
CRAWL_SUMMARY = pytest.StashKey[list[str]]()


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "demo_crawl: boots the `make run` store and visits every page (make test)",
    )


def pytest_terminal_summary(terminalreporter, config):
    lines = config.stash.get(CRAWL_SUMMARY, [])
    if lines:
        terminalreporter.section("demo crawl")
        for line in lines:
            terminalreporter.write_line(line)
