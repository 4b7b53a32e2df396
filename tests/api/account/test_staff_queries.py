"""staffUsers, permissionGroups and permissionGroup: staff access for MANAGE_STAFF."""

import pytest
from django.contrib.auth.models import Group
from graphql_relay import to_global_id

from backend.account.services import staff_groups_sync
from backend.account.staff import _store_permissions
from backend.core.permissions import PermissionEnum
from tests import factories
from tests.api.dashboard_documents import dashboard_document

STAFF_USERS = """
query($filter: StaffUserInput, $sort: UserSortingInput, $first: Int) {
  staffUsers(first: $first, filter: $filter, sortBy: $sort) {
    totalCount
    edges { node { email isActive note permissionGroups { name } } }
  }
}
"""

GROUPS = """
query($filter: PermissionGroupFilterInput, $first: Int) {
  permissionGroups(first: $first, filter: $filter,
                   sortBy: {field: NAME, direction: ASC}) {
    edges { node {
      id name userCanManage restrictedAccessToChannels
      users { email }
      permissions { code }
      accessibleChannels { slug }
    } }
  }
}
"""


@pytest.fixture
def groups(db):
    return staff_groups_sync()


@pytest.fixture
def admin(groups, channel):
    return factories.UserFactory(
        email="admin@example.com", is_staff=True, is_superuser=True
    )


@pytest.fixture
def merch(groups):
    user = factories.UserFactory(
        email="merch@example.com", is_staff=True, first_name="Morgan"
    )
    user.groups.add(groups["Merchandisers"])
    return user


@pytest.fixture
def ops(groups):
    user = factories.UserFactory(email="ops@example.com", is_staff=True)
    user.groups.add(groups["Operations"])
    return user


@pytest.fixture
def staff_manager(groups):
    """Staff who manage staff and orders, but not the whole of Operations."""
    group = Group.objects.create(name="Staff managers")
    group.permissions.set(
        _store_permissions([PermissionEnum.MANAGE_STAFF, PermissionEnum.MANAGE_ORDERS])
    )
    user = factories.UserFactory(email="boss@example.com", is_staff=True)
    user.groups.add(group)
    return user


def _emails(answer) -> list[str]:
    return [edge["node"]["email"] for edge in answer["data"]["staffUsers"]["edges"]]


def test_staff_users_lists_staff_by_email_without_customers(api, admin, merch, ops):
    factories.UserFactory(email="aaa-customer@example.com")

    answer = api.login(admin)(STAFF_USERS, {"first": 10})

    assert _emails(answer) == [
        "admin@example.com",
        "merch@example.com",
        "ops@example.com",
    ]
    assert answer["data"]["staffUsers"]["totalCount"] == 3


def test_staff_users_shows_each_members_groups(api, admin, merch):
    answer = api.login(admin)(STAFF_USERS, {"first": 10, "filter": {"search": "merch"}})

    node = answer["data"]["staffUsers"]["edges"][0]["node"]
    assert node["permissionGroups"] == [{"name": "Merchandisers"}]


def test_staff_users_search_finds_a_first_name(api, admin, merch, ops):
    answer = api.login(admin)(STAFF_USERS, {"first": 10, "filter": {"search": "morg"}})

    assert _emails(answer) == ["merch@example.com"]


def test_staff_users_status_filter_finds_deactivated_staff(api, admin, merch):
    merch.is_active = False
    merch.save(update_fields=["is_active"])

    answer = api.login(admin)(
        STAFF_USERS, {"first": 10, "filter": {"status": "DEACTIVATED"}}
    )

    assert _emails(answer) == ["merch@example.com"]


def test_staff_users_sort_by_email_descending(api, admin, merch, ops):
    answer = api.login(admin)(
        STAFF_USERS, {"first": 10, "sort": {"field": "EMAIL", "direction": "DESC"}}
    )

    assert _emails(answer) == [
        "ops@example.com",
        "merch@example.com",
        "admin@example.com",
    ]


def test_staff_users_sort_by_rank_needs_a_search(api, admin):
    answer = api.login(admin)(
        STAFF_USERS, {"first": 10, "sort": {"field": "RANK", "direction": "DESC"}}
    )

    assert answer["data"]["staffUsers"] is None
    assert answer["errors"][0]["message"] == (
        "Sorting by RANK is available only when using a search filter."
    )


def test_staff_users_is_refused_to_a_merchandiser(api, merch, ops):
    answer = api.login(merch)(STAFF_USERS, {"first": 10})

    assert answer["data"] == {"staffUsers": None}
    assert answer["errors"][0]["extensions"]["exception"]["code"] == (
        "PermissionDenied"
    )


def test_a_staff_note_is_shown_to_staff_managers(api, admin, merch):
    merch.note = "Handles the spring catalog"
    merch.save(update_fields=["note"])

    answer = api.login(admin)(STAFF_USERS, {"first": 10, "filter": {"search": "merch"}})

    assert answer["data"]["staffUsers"]["edges"][0]["node"]["note"] == (
        "Handles the spring catalog"
    )


def test_a_user_without_manage_staff_cannot_read_their_own_note(api, customer_user):
    answer = api.login(customer_user)("{ me { email note } }")

    assert answer["data"]["me"] == {"email": "customer@example.com", "note": None}
    assert answer["errors"][0]["path"] == ["me", "note"]


def test_permission_groups_are_the_real_staff_groups(api, admin, merch, ops):
    answer = api.login(admin)(GROUPS, {"first": 10})

    nodes = [edge["node"] for edge in answer["data"]["permissionGroups"]["edges"]]
    assert [node["name"] for node in nodes] == ["Merchandisers", "Operations"]
    assert nodes[1]["users"] == [{"email": "ops@example.com"}]
    assert {p["code"] for p in nodes[1]["permissions"]} == {
        "MANAGE_ORDERS",
        "MANAGE_SHIPPING",
        "HANDLE_PAYMENTS",
        "MANAGE_CHECKOUTS",
        "MANAGE_SETTINGS",
    }
    assert nodes[0]["id"] == to_global_id(
        "Group", Group.objects.get(name="Merchandisers").pk
    )
    assert all(node["userCanManage"] for node in nodes)
    assert nodes[0]["accessibleChannels"] == [{"slug": "default-channel"}]
    assert nodes[0]["restrictedAccessToChannels"] is False


def test_staff_manage_only_groups_whose_every_permission_they_hold(api, staff_manager):
    answer = api.login(staff_manager)(GROUPS, {"first": 10})

    can_manage = {
        edge["node"]["name"]: edge["node"]["userCanManage"]
        for edge in answer["data"]["permissionGroups"]["edges"]
    }
    assert can_manage == {
        "Merchandisers": False,
        "Operations": False,
        "Staff managers": True,
    }


def test_editable_groups_and_source_groups_of_me(api, staff_manager):
    own = Group.objects.get(name="Staff managers")

    answer = api.login(staff_manager)(
        """query($id: ID!) { me {
          editableGroups { name }
          permissionGroups { name }
          userPermissions { code sourcePermissionGroups(userId: $id) { name } }
        } }""",
        {"id": to_global_id("User", staff_manager.pk)},
    )

    me = answer["data"]["me"]
    assert me["editableGroups"] == [{"name": own.name}]
    assert me["permissionGroups"] == [{"name": own.name}]
    assert me["userPermissions"] == [
        {"code": "MANAGE_STAFF", "sourcePermissionGroups": [{"name": own.name}]},
        {"code": "MANAGE_ORDERS", "sourcePermissionGroups": [{"name": own.name}]},
    ]


def test_permission_group_search(api, admin):
    answer = api.login(admin)(GROUPS, {"first": 10, "filter": {"search": "oper"}})

    names = [e["node"]["name"] for e in answer["data"]["permissionGroups"]["edges"]]
    assert names == ["Operations"]


def test_permission_group_by_id(api, admin, groups):
    group_id = to_global_id("Group", groups["Operations"].pk)

    answer = api.login(admin)(
        "query($id: ID!) { permissionGroup(id: $id) { name } }", {"id": group_id}
    )

    assert answer == {"data": {"permissionGroup": {"name": "Operations"}}}


def test_permission_groups_are_refused_to_a_merchandiser(api, merch, groups):
    group_id = to_global_id("Group", groups["Operations"].pk)

    answer = api.login(merch)(
        "query($id: ID!) { permissionGroup(id: $id) { name } }", {"id": group_id}
    )

    assert answer["data"] == {"permissionGroup": None}
    assert answer["errors"][0]["extensions"]["exception"]["code"] == (
        "PermissionDenied"
    )


def _many_groups(count: int) -> None:
    permissions = _store_permissions([PermissionEnum.MANAGE_PAGES])
    for index in range(count):
        group = Group.objects.create(name=f"Team {index:02}")
        group.permissions.set(permissions)
        member = factories.UserFactory(is_staff=True)
        member.groups.add(group)


@pytest.mark.parametrize("count", [2, 12])
def test_permission_groups_query_count_does_not_grow_with_the_page(
    api, admin, count, django_assert_max_num_queries
):
    _many_groups(count)
    api.login(admin)

    with django_assert_max_num_queries(9):
        answer = api(GROUPS, {"first": 20})

    assert len(answer["data"]["permissionGroups"]["edges"]) == count + 2


@pytest.mark.parametrize("count", [2, 12])
def test_staff_users_query_count_does_not_grow_with_the_page(
    api, admin, count, django_assert_max_num_queries
):
    _many_groups(count)
    api.login(admin)

    with django_assert_max_num_queries(6):
        answer = api(STAFF_USERS, {"first": 20})

    assert answer["data"]["staffUsers"]["totalCount"] == count + 1


def test_the_dashboards_group_page_reads_the_group_and_what_i_may_edit(
    api, staff_manager, groups, ops, django_assert_max_num_queries
):
    own = Group.objects.get(name="Staff managers")
    api.login(staff_manager)

    with django_assert_max_num_queries(16):
        answer = api(
            dashboard_document("permissionGroups/queries.ts", "PermissionGroupDetails"),
            {
                "id": to_global_id("Group", groups["Operations"].pk),
                "userId": to_global_id("User", staff_manager.pk),
            },
        )

    assert "errors" not in answer
    group = answer["data"]["permissionGroup"]
    assert group["name"] == "Operations"
    assert group["userCanManage"] is False
    assert [user["email"] for user in group["users"]] == ["ops@example.com"]
    me = answer["data"]["user"]
    assert me["editableGroups"] == [{"id": to_global_id("Group", own.pk)}]
    assert [p["code"] for p in me["userPermissions"]] == [
        "MANAGE_STAFF",
        "MANAGE_ORDERS",
    ]
    assert me["userPermissions"][0]["sourcePermissionGroups"] == [
        {"id": to_global_id("Group", own.pk)}
    ]
