"""Every mutation and staff-only query, called by every role of the store.

The permission a field needs is Saleor's, read from its schema description
("Requires one of the following permissions: MANAGE_…"); our extensions use
the permissions their mutation declares, or the table below. A role lacking
it must get Saleor's PermissionDenied error for that field and write no row
of any table (PostgreSQL's per-transaction counts of rows inserted, updated
and deleted stay as they were); a role holding it must not be refused.

Roles: anonymous, a customer, a merchandiser and an operations user (the
demo's staff groups, as ``staff_groups_sync`` makes them) and a superuser.
The demo store is loaded once for the module; every call runs in its own
savepoint and authenticates with a JWT, so nothing but the call can write.
"""

import json
import re
from functools import cache

import pytest
from django.db import connection
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
    get_named_type,
    is_composite_type,
)
from graphql_relay import to_global_id

from backend.account.staff import staff_groups_sync
from backend.core.permissions import PermissionEnum
from backend.graphql.api import schema
from tests import factories
from tests.fixtures.demo import module_store_writes
from tests.shared_assets import SALEOR_SCHEMA, saleor_schema, shared_cases

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "customer", "merchandiser", "operations", "superuser")
# Saleor's pseudo-permissions: who holds them among our roles.
AUTHENTICATED_USER = "AUTHENTICATED_USER"
AUTHENTICATED_STAFF_USER = "AUTHENTICATED_STAFF_USER"
AUTHENTICATED_APP = "AUTHENTICATED_APP"
# The owner of the object may call; for the others the object is not found.
IS_OWNER = "IS_OWNER"
# Fields whose permission Saleor states elsewhere than on the field: our
# staff-only extension, and mutations whose permission depends on the object
# (the matrix calls them with a product, so MANAGE_PRODUCTS) or the input.
PERMISSIONS_NOT_ON_THE_FIELD = {
    ("Query", "ordersToShip"): ("MANAGE_ORDERS",),
    ("Mutation", "updateMetadata"): ("MANAGE_PRODUCTS",),
    ("Mutation", "updatePrivateMetadata"): ("MANAGE_PRODUCTS",),
    ("Mutation", "attributeCreate"): (
        "MANAGE_PRODUCT_TYPES_AND_ATTRIBUTES",
        "MANAGE_PAGE_TYPES_AND_ATTRIBUTES",
    ),
}
REQUIREMENT = re.compile(
    r"Requires (?:one of |of of )?(?:the )?following permissions"
    r"(?:, depending on[^:]*)?: ([A-Z_, ]+)"
)
# "Requires one of following set of permissions: A or B + C."
REQUIREMENT_SETS = re.compile(
    r"Requires one of following set of permissions: ([A-Z_ +]+(?: or [A-Z_ +]+)*)"
)
# Tables a call may touch without changing the store.
UNWATCHED_TABLES = {"django_session", "django_migrations"}


@cache
def saleor_requirements() -> dict[tuple[str, str], tuple[str, ...] | None]:
    """Return (root type, field) -> Saleor's required permissions, or None."""
    saleor = saleor_schema()
    return {
        (root.name, name): requirement(field.description or "")
        for root in (saleor.query_type, saleor.mutation_type)
        for name, field in root.fields.items()
    }


def requirement(text: str) -> tuple[str, ...] | None:
    """Return the permissions a description requires (any one suffices).

    A set of several (``AUTHENTICATED_APP + IMPERSONATE_USER``) becomes one
    entry joined by ``+``, which only a role holding all of it satisfies.
    """
    if match := REQUIREMENT.search(text):
        # Saleor's app query lists its two without a comma between them.
        return tuple(code for code in re.split(r"[,\s]+", match.group(1)) if code)
    if match := REQUIREMENT_SETS.search(text):
        return tuple(
            "+".join(code.strip() for code in option.split("+"))
            for option in match.group(1).split(" or ")
        )
    return None


def required_permissions(root: str, name: str) -> tuple[str, ...] | None:
    """Return what Saleor requires to call a root field, None when public."""
    if (root, name) in PERMISSIONS_NOT_ON_THE_FIELD:
        return PERMISSIONS_NOT_ON_THE_FIELD[(root, name)]
    saleor = saleor_requirements()
    if (root, name) in saleor:
        return saleor[(root, name)]
    return our_mutation_permissions(name) if root == "Mutation" else None


def our_mutation_permissions(name: str) -> tuple[str, ...] | None:
    payload = get_named_type(schema.graphql_schema.mutation_type.fields[name].type)
    mutation = getattr(payload, "graphene_type", None)
    declared = getattr(getattr(mutation, "_meta", None), "permissions", ())
    return tuple(permission.name for permission in declared) or None


def cases():
    found = [
        (root, name, required)
        for root, root_type in (
            ("Mutation", schema.graphql_schema.mutation_type),
            ("Query", schema.graphql_schema.query_type),
        )
        for name in sorted(root_type.fields)
        if (required := required_permissions(root, name))
    ]
    return [
        pytest.param(root, name, role, id=f"{name}-{role}")
        for root, name, required in found
        for role in ROLES
    ]


def role_permissions(role: str) -> set[str]:
    if role == "anonymous":
        return set()
    if role == "customer":
        return {AUTHENTICATED_USER, IS_OWNER}
    held = {AUTHENTICATED_USER, IS_OWNER, AUTHENTICATED_STAFF_USER}
    if role == "superuser":
        return held | {permission.name for permission in PermissionEnum}
    from backend.core.permissions import STAFF_GROUPS

    group = {"merchandiser": "Merchandisers", "operations": "Operations"}[role]
    return held | {permission.name for permission in STAFF_GROUPS[group]}


def may_call(role: str, required: tuple[str, ...]) -> bool:
    held = role_permissions(role)
    return any(set(option.split("+")) <= held for option in required)


# --- one store for the module ------------------------------------------------


@pytest.fixture(scope="module")
def matrix_store(demo_store, django_db_blocker):
    """Return the users of each role and a global id of each kind of object."""
    with module_store_writes(django_db_blocker):
        groups = staff_groups_sync()
        users = {
            "customer": factories.UserFactory(email="matrix-customer@example.com"),
            "merchandiser": factories.UserFactory(
                email="matrix-merch@example.com", is_staff=True
            ),
            "operations": factories.UserFactory(
                email="matrix-ops@example.com", is_staff=True
            ),
            "superuser": factories.UserFactory(
                email="matrix-root@example.com", is_staff=True, is_superuser=True
            ),
        }
        users["merchandiser"].groups.add(groups["Merchandisers"])
        users["operations"].groups.add(groups["Operations"])
        # Users, not tokens: a token minted here would expire (JWT_ACCESS_TTL)
        # before the module's last test on a loaded machine.
        return {"users": users, "ids": object_ids()}


def object_ids() -> dict[str, str]:
    """Return a global id for one row of every model that has rows."""
    from django.apps import apps

    ids = {}
    for model in apps.get_models():
        if not model.__module__.startswith("backend.") or not model._meta.managed:
            continue
        first = model.objects.order_by("pk").values_list("pk", flat=True).first()
        if first is not None:
            ids[model.__name__] = to_global_id(model.__name__, str(first))
    return ids


def rows_written() -> dict[str, int]:
    """Return each table's rows inserted, updated or deleted so far this transaction.

    PostgreSQL counts them per transaction, rolled back savepoints included,
    so a refused call that wrote and undid its write still shows.
    """
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del "
            "FROM pg_stat_xact_user_tables"
        )
        return {
            table: count
            for table, count in cursor.fetchall()
            if table not in UNWATCHED_TABLES
        }


# --- a call with minimal, well-formed arguments ------------------------------

SCALARS = {
    "String": '"x"',
    "Int": "1",
    "Float": "1.0",
    "Boolean": "true",
    "PositiveDecimal": '"1"',
    "Decimal": '"1"',
    "PositiveInt": "1",
    "Minute": "1",
    "Day": "1",
    "Hour": "1",
    "JSONString": '"{}"',
    "JSON": "{}",
    "Metadata": "[]",
    "Upload": "null",
    "WeightScalar": "1",
    "Weight": "1",
    "Date": '"2026-01-01"',
    "DateTime": '"2026-01-01T00:00:00Z"',
    "UUID": '"00000000-0000-0000-0000-000000000000"',
    "GenericScalar": '"x"',
}


def type_for(argument: str, field_name: str, ids: dict[str, str]) -> str:
    """Guess which object an ID argument names, from its name or the field's."""
    stem = argument[:-2] if argument.endswith("Id") else argument.rstrip("s")
    if stem in ("id", "i", ""):
        stem = field_name
    matches = [name for name in ids if name.lower() in stem.lower()]
    return max(matches, key=len) if matches else "Product"


def literal(graphql_type, argument: str, field_name: str, ids: dict[str, str]):
    if isinstance(graphql_type, GraphQLNonNull):
        return literal(graphql_type.of_type, argument, field_name, ids)
    if isinstance(graphql_type, GraphQLList):
        return f"[{literal(graphql_type.of_type, argument, field_name, ids)}]"
    if isinstance(graphql_type, GraphQLEnumType):
        return next(iter(graphql_type.values))
    if isinstance(graphql_type, GraphQLInputObjectType):
        fields = [
            f"{name}: {literal(field.type, name, field_name, ids)}"
            for name, field in graphql_type.fields.items()
            if isinstance(field.type, GraphQLNonNull)
        ]
        return "{" + ", ".join(fields) + "}"
    assert isinstance(graphql_type, GraphQLScalarType)
    if graphql_type.name == "ID":
        name = type_for(argument, field_name, ids)
        return json.dumps(ids.get(name, to_global_id(name, "1")))
    return SCALARS.get(graphql_type.name, '"x"')


def call_for(root: str, name: str, ids: dict[str, str]) -> str:
    root_type = (
        schema.graphql_schema.mutation_type
        if root == "Mutation"
        else schema.graphql_schema.query_type
    )
    field = root_type.fields[name]
    arguments = [
        f"{arg}: {literal(spec.type, arg, name, ids)}"
        for arg, spec in field.args.items()
        if isinstance(spec.type, GraphQLNonNull)
    ]
    if "first" in field.args:
        arguments.append("first: 1")
    if "channel" in field.args and not isinstance(
        field.args["channel"].type, GraphQLNonNull
    ):
        arguments.append('channel: "default-channel"')
    selection = (
        " { __typename }" if is_composite_type(get_named_type(field.type)) else ""
    )
    operation = "mutation" if root == "Mutation" else "query"
    arguments_text = f"({', '.join(arguments)})" if arguments else ""
    return f"{operation} {{ {name}{arguments_text}{selection} }}"


def refused(result: dict, name: str) -> bool:
    return any(
        error.get("path", [None])[0] == name
        and error.get("extensions", {}).get("exception", {}).get("code")
        == "PermissionDenied"
        for error in result.get("errors", [])
    )


@pytest.mark.parametrize(
    ("root", "name", "role"), shared_cases(SALEOR_SCHEMA, cases=cases, arity=3)
)
def test_only_roles_holding_saleors_permission_may_call(
    root, name, role, matrix_store, api
):
    required = required_permissions(root, name)
    query = call_for(root, name, matrix_store["ids"])
    if user := matrix_store["users"].get(role):
        api.login(user)
    written = rows_written()

    result = api(query)

    if may_call(role, required):
        assert not refused(result, name), (query, result)
        return
    assert refused(result, name), (query, required, result)
    assert (result.get("data") or {}).get(name) is None
    changed = {
        table
        for table, count in rows_written().items()
        if written.get(table, 0) != count
    }
    assert changed == set(), query
