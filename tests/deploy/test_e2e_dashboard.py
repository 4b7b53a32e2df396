"""make e2e's dashboard part: its cache key, its parts switch, its static server."""

import importlib
import json
import sys
from pathlib import Path

import pytest

E2E = Path(__file__).resolve().parents[2] / "e2e"

INDEX = """<script>
      window.__SALEOR_CONFIG__ = {
        API_URL: "http://127.0.0.1:1/graphql/",
        APP_MOUNT_URI: "/dashboard/",
        STATIC_URL: "/dashboard/",
      };
    </script>"""


@pytest.fixture
def e2e_module(monkeypatch):
    monkeypatch.syspath_prepend(str(E2E))

    def load(name):
        sys.modules.pop(name, None)
        return importlib.import_module(name)

    return load


def write_source(folder: Path, *, version="3.23.27", lock="lockfileVersion: 9\n"):
    folder.mkdir(exist_ok=True)
    (folder / "package.json").write_text(json.dumps({"version": version}))
    (folder / "pnpm-lock.yaml").write_text(lock)
    return folder


def key(dashboard, source, *, note="commit a", tools=None, build_vars=None):
    return dashboard.build_key(
        source,
        note=note,
        tools=tools or {"node": "24", "pnpm": "11.13.1"},
        build_vars=build_vars or {"APP_MOUNT_URI": "/dashboard/"},
    )


def test_the_same_source_gets_the_same_build_key(e2e_module, tmp_path):
    dashboard = e2e_module("dashboard")
    first = key(dashboard, write_source(tmp_path / "a"))
    second = key(dashboard, write_source(tmp_path / "b"))

    assert first == second
    assert first.startswith("3.23.27-")


def test_a_new_version_lock_or_commit_gets_a_new_build_key(e2e_module, tmp_path):
    dashboard = e2e_module("dashboard")
    base = key(dashboard, write_source(tmp_path / "a"))

    assert key(dashboard, write_source(tmp_path / "b", version="3.23.28")) != base
    assert key(dashboard, write_source(tmp_path / "c", lock="changed\n")) != base
    assert key(dashboard, write_source(tmp_path / "d"), note="commit b") != base


def test_new_tools_or_build_variables_get_a_new_build_key(e2e_module, tmp_path):
    dashboard = e2e_module("dashboard")
    source = write_source(tmp_path / "a")
    base = key(dashboard, source)

    assert key(dashboard, source, tools={"node": "24", "pnpm": "11.14.0"}) != base
    assert key(dashboard, source, build_vars={"APP_MOUNT_URI": "/"}) != base


def test_the_pnpm_version_comes_from_package_manager(e2e_module):
    dashboard = e2e_module("dashboard")

    assert (
        dashboard.package_manager({"packageManager": "pnpm@11.13.1+sha512.b2fc76"})
        == "11.13.1"
    )


def test_a_package_manager_other_than_pnpm_is_refused(e2e_module):
    dashboard = e2e_module("dashboard")

    with pytest.raises(RuntimeError, match="yarn@4"):
        dashboard.package_manager({"packageManager": "yarn@4.0.0"})


def test_e2e_parts_default_to_both(e2e_module):
    harness = e2e_module("harness")

    assert harness.parts(None) == ["storefront", "dashboard"]
    assert harness.parts("") == ["storefront", "dashboard"]


def test_e2e_parts_pick_one_in_run_order(e2e_module):
    harness = e2e_module("harness")

    assert harness.parts("dashboard") == ["dashboard"]
    assert harness.parts(" dashboard , storefront") == ["storefront", "dashboard"]


def test_an_unknown_e2e_part_is_refused(e2e_module):
    harness = e2e_module("harness")

    with pytest.raises(SystemExit, match="admin"):
        harness.parts("storefront,admin")


def test_the_served_index_points_at_the_live_api(e2e_module):
    static_site = e2e_module("static_site")

    page = static_site.render_index(
        INDEX, {"API_URL": "http://127.0.0.1:8123/graphql/"}
    )

    assert 'API_URL: "http://127.0.0.1:8123/graphql/"' in page
    assert 'STATIC_URL: "/dashboard/"' in page


def test_an_index_without_the_setting_is_refused(e2e_module):
    static_site = e2e_module("static_site")

    with pytest.raises(ValueError, match="LOCALE_CODE"):
        static_site.render_index(INDEX, {"LOCALE_CODE": "EN"})


def test_a_built_file_is_served_as_itself(e2e_module, tmp_path):
    static_site = e2e_module("static_site")
    (tmp_path / "index.html").write_text("index")
    (tmp_path / "vendor.js").write_text("js")

    assert (
        static_site.resolve(tmp_path, "/dashboard/", "/dashboard/vendor.js?v=1")
        == (tmp_path / "vendor.js").resolve()
    )


def test_an_app_route_is_served_the_index(e2e_module, tmp_path):
    static_site = e2e_module("static_site")
    (tmp_path / "index.html").write_text("index")

    for path in ("/dashboard", "/dashboard/", "/dashboard/orders/T3JkZXI6MQ=="):
        assert (
            static_site.resolve(tmp_path, "/dashboard/", path)
            == tmp_path / "index.html"
        )


def test_paths_outside_the_mount_or_the_folder_are_not_served(e2e_module, tmp_path):
    static_site = e2e_module("static_site")
    (tmp_path / "index.html").write_text("index")

    assert static_site.resolve(tmp_path, "/dashboard/", "/graphql/") is None
    assert (
        static_site.resolve(tmp_path, "/dashboard/", "/dashboard/../../etc/passwd")
        is None
    )
