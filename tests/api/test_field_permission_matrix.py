"""Every permission-guarded field of every type, read by every role.

Which fields are guarded, and by what, is Saleor's: its schema describes each
field. The forms read as a guard (any one permission listed suffices):

- "Requires one of the following permissions: A, B." and Saleor's typo
  "Requires of of the following permissions: A, B.". Besides permission
  codes the list may name OWNER (the requestor owns the object) and
  AUTHENTICATED_STAFF_USER / AUTHENTICATED_APP (any staff member; Lumbar
  has no apps).
- "Requires staff permissions to access." (private metadata): the
  permission that manages the type, from Lumbar's own table
  (``PRIVATE_METADATA_PERMISSIONS``), since Saleor names none.

Forms read as no guard (the field answers everyone who sees the object):

- "Requires ... permissions to include the unpublished items" (a filter).
- "Can be fetched for orders created in Saleor 3.2 and later, for other
  orders requires ..." (Lumbar holds no order older than 3.2).
- "Can be accessed without permissions.".

Any other sentence naming a permission fails
``test_every_permission_sentence_is_understood`` until it is read here.

For each guarded field the matrix finds root query paths that reach its
type (``order(id) { events }``, ``me { orders }``, ``products { edges {
node { channelListings } } }``), then reads the field along every path as:
anonymous, a customer (the owner of their order and checkout), another
customer (for fields that accept ownership), staff holding every other
permission, and that staff plus each one that suffices (so the field's own
permission is the only difference between refused and allowed). A refused role gets
null and Saleor's PermissionDenied error on the field (or earlier on the
path), never the value; an allowed role reads it on at least one path.
"""

import json
import re
from dataclasses import dataclass
from functools import cache

import pytest
from django.contrib.auth.models import Permission
from graphql import (
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    get_named_type,
    is_abstract_type,
    is_composite_type,
)
from graphql_relay import to_global_id

from backend.checkout.complete import checkout_complete
from backend.checkout.promo_codes import checkout_promo_code_add
from backend.core.permissions import PermissionEnum
from backend.graphql.api import schema
from backend.graphql.meta.types import (
    DEFAULT_PRIVATE_PERMISSIONS,
    PRIVATE_METADATA_PERMISSIONS,
)
from backend.order.fulfillments import FulfilLine, order_fulfil
from backend.order.services import order_note_add
from backend.payment.granted_refunds import order_grant_refund_create
from tests import factories
from tests.fixtures.checkout import make_ready_checkout, paid_with
from tests.fixtures.demo import module_store_writes
from tests.fixtures.discount import make_voucher
from tests.shared_assets import SALEOR_SCHEMA, saleor_schema, shared_cases

pytestmark = pytest.mark.django_db

OWNER = "OWNER"
STAFF = ("AUTHENTICATED_STAFF_USER", "AUTHENTICATED_APP")
GUARD = re.compile(
    r"(?<!for other orders )[Rr]equires (?:one|of) of the following "
    r"permissions: ([A-Z_]+(?:, [A-Z_]+)*)"
)
STAFF_PERMISSIONS = "Requires staff permissions to access."
NOT_A_GUARD = re.compile(
    r"to include (?:the )?unpublished items|for other orders requires"
    r"|Can be accessed without permissions"
    # Permission and Shop.permissions describe permissions; they guard nothing.
    r"|Internal code for permission|allowed to do by permission"
    r"|List of available permissions"
    # A user's, group's or app's permissions and groups, listed; no guard.
    r"|List of (?:the app's|the app extension's|group|user's) permissions"
    r"|permission groups"
)
# Where Lumbar's rule is not what Saleor's description says, and why.
OVERRIDES = {
    # Saleor's User.orders lets the owner or MANAGE_ORDERS read the list; the
    # description names MANAGE_STAFF, which its resolver never checks.
    ("User", "orders"): ("MANAGE_ORDERS", OWNER),
    # Stricter than Saleor (any staff): the listings carry cost prices, and
    # Lumbar's own description says MANAGE_PRODUCTS.
    ("ProductVariant", "channelListings"): ("MANAGE_PRODUCTS",),
}
# OWNER fields whose owner is a staff member, never the customer: the user
# who granted a refund (and Order.grantedRefunds needs MANAGE_ORDERS).
OWNED_BY_STAFF = {("OrderGrantedRefund", "user")}
# Guarded fields the matrix does not read, each with the reason.
EXEMPT = {
    # Lumbar sells no gift cards: Checkout.giftCards is always empty, so no
    # GiftCard object exists to read.
    ("GiftCard", "privateMetadata"): "no gift cards",
    ("GiftCard", "privateMetafield"): "no gift cards",
    ("GiftCard", "privateMetafields"): "no gift cards",
    # Lumbar installs no apps: apps and appExtensions are always empty.
    ("App", "privateMetadata"): "no apps",
    ("App", "privateMetafield"): "no apps",
    ("App", "privateMetafields"): "no apps",
    ("App", "problems"): "no apps",
    ("App", "tokens"): "no apps",
    ("App", "webhooks"): "no apps",
    ("AppProblem", "dismissed"): "no apps",
    ("AppProblemDismissed", "user"): "no apps",
    ("AppProblemDismissed", "userEmail"): "no apps",
    # Lumbar keeps no tax classes: taxClasses is always empty and every
    # taxClass field is null, so no TaxClass object exists to read.
    ("TaxClass", "privateMetadata"): "no tax classes",
    ("TaxClass", "privateMetafield"): "no tax classes",
    ("TaxClass", "privateMetafields"): "no tax classes",
    # Always null (no tax classes) and reached only through shipping zones,
    # which a staff member without MANAGE_SHIPPING is refused first.
    ("ShippingMethodType", "taxClass"): "no tax classes",
    ("GiftCard", "events"): "no gift cards",
    ("GiftCardEvent", "app"): "no gift cards",
    ("GiftCardEvent", "user"): "no gift cards",
    # Types the order screens name that Lumbar never returns: no apps (every
    # app field is null), invoices, legacy payments, tax classes or line
    # discounts (Order.invoices, Order.payments, OrderLine.discounts are
    # empty, OrderLine.taxClass null).
    **{
        (type_name, field): "never returned by Lumbar"
        for type_name in ("App", "Invoice", "Payment", "TaxClass")
        for field in ("privateMetadata", "privateMetafield", "privateMetafields")
    },
    **{
        ("Payment", field): "no legacy payments"
        for field in (
            "actions",
            "availableCaptureAmount",
            "availableRefundAmount",
            "customerIpAddress",
            "transactions",
        )
    },
    ("OrderLineDiscount", "reason"): "Lumbar discounts orders, never a line",
    ("OrderEvent", "app"): "no apps: always null",
}
# Which roles own an object reached from each root field (by object key).
CUSTOMER_OWNED = {"customer_order", "customer_checkout"}
MAX_PATHS_PER_TYPE = 4
MAX_DEPTH = 4


# --- what Saleor guards -------------------------------------------------------


def guard_of(type_name: str, text: str) -> tuple[str, ...] | None:
    """Return what a field description requires (any one suffices), or None."""
    text = " ".join(text.split())
    if match := GUARD.search(text):
        return tuple(code.strip() for code in match.group(1).split(",") if code)
    if STAFF_PERMISSIONS in text:
        permissions = PRIVATE_METADATA_PERMISSIONS.get(
            type_name, DEFAULT_PRIVATE_PERMISSIONS
        )
        return tuple(permission.name for permission in permissions)
    return None


def names_a_permission(text: str) -> bool:
    return bool(re.search(r"permission|\bOWNER\b|object's owner", text))


def implemented_fields():
    """Yield (type name, field name, Saleor's description) Lumbar implements."""
    ours = schema.graphql_schema.type_map
    for type_name, saleor_type in sorted(saleor_schema().type_map.items()):
        if not isinstance(saleor_type, GraphQLObjectType):
            continue
        if type_name in ("Query", "Mutation", "Subscription"):
            continue
        our_type = ours.get(type_name)
        if not isinstance(our_type, GraphQLObjectType):
            continue
        for field_name, field in saleor_type.fields.items():
            if field_name in our_type.fields:
                yield type_name, field_name, field.description or ""


@cache
def guarded_fields() -> dict[tuple[str, str], tuple[str, ...]]:
    """Return (type, field) -> the permissions any one of which suffices."""
    found = {}
    for type_name, field_name, text in implemented_fields():
        required = OVERRIDES.get((type_name, field_name)) or guard_of(type_name, text)
        if required:
            found[(type_name, field_name)] = required
    return found


# --- who reads -----------------------------------------------------------------


def roles_for(required: tuple[str, ...]) -> list[str]:
    """Return the roles that read a field: refused ones first, then allowed."""
    roles = ["anonymous", "customer"]
    if OWNER in required:
        roles.append("other_customer")
    if not set(required) & set(STAFF):
        roles.append("staff_without")
    granting = [code for code in required if code in PermissionEnum.__members__]
    if set(required) & set(STAFF):
        roles.append("staff")
    roles += [f"staff_with_{code}" for code in granting]
    return roles


def is_allowed(role: str, required: tuple[str, ...], field: tuple[str, str]) -> bool:
    if role == "customer":
        return OWNER in required and field not in OWNED_BY_STAFF
    return role == "staff" or role.startswith("staff_with_")


def cases():
    return [
        pytest.param(type_name, field_name, role, id=f"{type_name}.{field_name}-{role}")
        for (type_name, field_name), required in sorted(guarded_fields().items())
        if (type_name, field_name) not in EXEMPT
        for role in roles_for(required)
    ]


# --- paths from the root to a type -------------------------------------------


@dataclass(frozen=True)
class Step:
    name: str
    arguments: tuple[str, ...] = ()
    connection: bool = False
    fragment: str = ""  # the concrete type when the field's type is abstract

    def call(self, *extra: str) -> str:
        arguments = (*extra, *self.arguments)
        return f"{self.name}({', '.join(arguments)})" if arguments else self.name


def argument_literal(graphql_type) -> str | None:
    """Return a literal for a required argument, None when we cannot make one."""
    if isinstance(graphql_type, GraphQLNonNull):
        return argument_literal(graphql_type.of_type)
    if isinstance(graphql_type, GraphQLList):
        inner = argument_literal(graphql_type.of_type)
        return None if inner is None else f"[{inner}]"
    if isinstance(graphql_type, GraphQLEnumType):
        return next(iter(graphql_type.values))
    if isinstance(graphql_type, GraphQLScalarType) and graphql_type.name != "ID":
        return {"Int": "1", "Boolean": "true", "Float": "1.0"}.get(
            graphql_type.name, '"x"'
        )
    return None


def field_arguments(field, skip=()) -> tuple[str, ...] | None:
    """Return the arguments to call a field with, None when it cannot be called."""
    found = []
    for name, argument in field.args.items():
        if name in skip:
            continue
        if name == "first":
            found.append("first: 5")
        elif name == "channel":
            found.append('channel: "default-channel"')
        elif isinstance(argument.type, GraphQLNonNull):
            value = argument_literal(argument.type)
            if value is None:
                return None
            found.append(f"{name}: {value}")
    return tuple(found)


def node_type(graphql_type):
    """Return the type a field leads to (a connection's node) and whether paged."""
    named = get_named_type(graphql_type)
    if isinstance(named, GraphQLObjectType) and "edges" in named.fields:
        edge = get_named_type(named.fields["edges"].type)
        return get_named_type(edge.fields["node"].type), True
    return named, False


def steps_from(named) -> list[tuple[Step, str]]:
    """Return each step out of an object type and the type it reaches."""
    found = []
    for name, field in named.fields.items():
        target, connection = node_type(field.type)
        arguments = field_arguments(field)
        if not is_composite_type(target) or arguments is None:
            continue
        if is_abstract_type(target):
            found += [
                (Step(name, arguments, connection, concrete.name), concrete.name)
                for concrete in schema.graphql_schema.get_possible_types(target)
            ]
        else:
            found.append((Step(name, arguments, connection), target.name))
    return found


@cache
def paths_to() -> dict[str, list[tuple[Step, ...]]]:
    """Return, for each type, its shortest paths from a root query field.

    A root field's ``id`` is left out: each object the store holds of the
    root's type is asked for in turn.
    """
    found: dict[str, list[tuple[Step, ...]]] = {}
    queue = []
    for name, field in schema.graphql_schema.query_type.fields.items():
        target, connection = node_type(field.type)
        arguments = field_arguments(field, skip=("id",))
        if not isinstance(target, GraphQLObjectType) or arguments is None:
            continue
        path = (Step(name, arguments, connection),)
        found.setdefault(target.name, []).append(path)
        queue.append((path, (target.name,)))
    while queue:
        path, seen = queue.pop(0)
        if len(path) > MAX_DEPTH:
            continue
        for step, target in steps_from(schema.graphql_schema.type_map[seen[-1]]):
            known = found.setdefault(target, [])
            if target in seen or len(known) >= MAX_PATHS_PER_TYPE:
                continue
            known.append((*path, step))
            queue.append(((*path, step), (*seen, target)))
    return found


# --- the store ----------------------------------------------------------------


def grant(user, *codes: str):
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="core",
            codename__in=[PermissionEnum[code].value for code in codes],
        )
    )
    return user


def place_order(*, channel, method, variant, user=None):
    """Place an order with a voucher, as a shopper would."""
    checkout = make_ready_checkout(
        channel=channel, shipping_method=method, lines=[(variant, 2)]
    )
    if user is not None:
        checkout.user = user
        checkout.save(update_fields=["user"])
    checkout_promo_code_add(checkout_token=checkout.token, promo_code="FIELDS10")
    return checkout_complete(
        checkout_token=checkout.token, payment=paid_with("tok_success")
    ).order


@pytest.fixture(scope="module")
def field_store(demo_store, django_db_blocker):
    """Return the users of every role and the objects each root field is asked for."""
    from backend.channel.models import Channel
    from backend.shipping.models import ShippingMethod
    from backend.warehouse.models import Stock

    with module_store_writes(django_db_blocker):
        channel = Channel.objects.get(slug="default-channel")
        stock = Stock.objects.filter(quantity__gt=10).order_by("pk").first()
        method = ShippingMethod.objects.filter(
            channel_listings__channel=channel, shipping_zone__countries__contains="US"
        ).first()
        customer = factories.UserFactory(email="field-customer@example.com")
        other = factories.UserFactory(email="field-other@example.com")
        granter = grant(
            factories.UserFactory(email="field-granter@example.com", is_staff=True),
            "MANAGE_ORDERS",
        )
        # staffUsers lists the granter first: its address is one to read.
        granter.addresses.add(factories.AddressFactory())
        variant = stock.product_variant
        make_voucher(channel=channel, code="FIELDS10")
        orders = {
            "customer_order": place_order(
                channel=channel, method=method, variant=variant, user=customer
            ),
            "guest_order": place_order(channel=channel, method=method, variant=variant),
        }
        for order in orders.values():
            order_note_add(
                order_id=order.pk, message="Staff only: fraud?", user=granter
            )
            line = order.lines.first()
            order_fulfil(
                order_id=order.pk,
                lines=[FulfilLine(line.pk, 1, stock.warehouse_id)],
                user=granter,
                notify_customer=False,
            )
            order_grant_refund_create(
                order_id=order.pk,
                transaction_token=order.payment_transactions.first().token,
                amount=1,
                reason="goodwill",
                user=granter,
            )
        checkouts = {
            "customer_checkout": make_ready_checkout(
                channel=channel, shipping_method=method, lines=[(variant, 1)]
            ),
            "guest_checkout": make_ready_checkout(
                channel=channel, shipping_method=method, lines=[(variant, 1)]
            ),
        }
        page_type = factories.PageTypeFactory()
        factories.PageFactory(page_type=page_type)
        checkouts["customer_checkout"].user = customer
        checkouts["customer_checkout"].save(update_fields=["user"])
        users = {"customer": customer, "other_customer": other}
        users["staff"] = factories.UserFactory(
            email="field-staff@example.com", is_staff=True
        )
        every = [permission.name for permission in PermissionEnum]
        for required in set(guarded_fields().values()):
            others = [code for code in every if code not in required]
            for code in (None, *required):
                if code is not None and code not in every:
                    continue
                user = factories.UserFactory(
                    email=f"field-staff-{len(users)}@example.com", is_staff=True
                )
                grant(user, *others, *filter(None, [code]))
                users[(required, code)] = user
        objects = object_ids()
        objects["Order"] = [
            (to_global_id("Order", str(order.token)), key)
            for key, order in orders.items()
        ]
        objects["Checkout"] = [
            (to_global_id("Checkout", str(checkout.token)), key)
            for key, checkout in checkouts.items()
        ]
        # Users, not tokens: a token minted here would expire (JWT_ACCESS_TTL)
        # before the module's last test on a loaded machine.
        return {"users": users, "objects": objects}


def object_ids() -> dict[str, list[tuple[str, str]]]:
    """Return a global id of the first row of every model, by model name."""
    from django.apps import apps

    found = {}
    for model in apps.get_models():
        if not model.__module__.startswith("backend.") or not model._meta.managed:
            continue
        first = model.objects.order_by("pk").values_list("pk", flat=True).first()
        if first is not None:
            found[model.__name__] = [(to_global_id(model.__name__, str(first)), "")]
    return found


# --- reading a field along a path --------------------------------------------


@dataclass(frozen=True)
class Attempt:
    query: str
    keys: tuple[str, ...]  # the response path to the field, without list indices
    owner: str  # "customer", "requestor" or ""


def attempts(type_name: str, field_name: str, objects) -> list[Attempt]:
    """Return one query per path to the type and object its root is asked for."""
    field = schema.graphql_schema.type_map[type_name].fields[field_name]
    leaf = Step(field_name, field_arguments(field) or ())
    selection = (
        " { __typename }" if is_composite_type(get_named_type(field.type)) else ""
    )
    found = []
    for root, *steps in paths_to().get(type_name, []):
        body = f"__typename {leaf.call()}{selection}"
        keys: list[str] = [field_name]
        for step in reversed([root, *steps]):
            if step.fragment:
                body = f"__typename ... on {step.fragment} {{ {body} }}"
            if step.connection:
                body = f"edges {{ node {{ {body} }} }}"
                keys[:0] = ["edges", "node"]
            keys.insert(0, step.name)
            if step is not root:
                body = f"{step.call()} {{ {body} }}"
        root_field = schema.graphql_schema.query_type.fields[root.name]
        if "id" not in root_field.args:
            owner = "requestor" if root.name == "me" else ""
            query = f"{{ {root.call()} {{ {body} }} }}"
            found.append(Attempt(query, tuple(keys), owner))
            continue
        root_type, _ = node_type(root_field.type)
        for global_id, key in objects.get(root_type.name, []):
            call = root.call(f"id: {json.dumps(global_id)}")
            owner = "customer" if key in CUSTOMER_OWNED else ""
            found.append(Attempt(f"{{ {call} {{ {body} }} }}", tuple(keys), owner))
    return found


def call(api, query: str) -> dict:
    result = api(query)
    pathless = [e for e in result.get("errors", []) if not e.get("path")]
    assert pathless == [], query
    return result


def parents(data, attempt: Attempt, type_name: str) -> list[dict]:
    """Return the objects of the type the answer reached along the path."""
    objects = [data or {}]
    for key in attempt.keys[:-1]:
        found = []
        for item in objects:
            value = item.get(key) if isinstance(item, dict) else None
            found += value if isinstance(value, list) else [value]
        objects = [item for item in found if item]
    return [item for item in objects if item.get("__typename") == type_name]


def outcome(result: dict, attempt: Attempt, type_name: str) -> str:
    """Return how the answer treated the field.

    "denied" (PermissionDenied on the field), "denied earlier" (on the path
    to it), "unreached" (no object of the type on the path), "null" (read,
    but there is nothing to hide: a guest checkout's user), "read" (its
    value came back) or "failed: <message>" for any other error.
    """
    for error in result.get("errors", []):
        path = tuple(key for key in error.get("path") or () if isinstance(key, str))
        code = error.get("extensions", {}).get("exception", {}).get("code")
        if not path or attempt.keys[: len(path)] != path:
            continue
        if code != "PermissionDenied":
            return f"failed: {error.get('message')}"
        return "denied" if path == attempt.keys else "denied earlier"
    reached = parents(result.get("data"), attempt, type_name)
    if not reached:
        return "unreached"
    field = attempt.keys[-1]
    return "read" if any(item.get(field) is not None for item in reached) else "null"


def user_for(users: dict, role: str, required: tuple[str, ...]):
    """Return the role's user; staff roles hold every permission but required's."""
    if role == "staff_without":
        return users[(required, None)]
    if role.startswith("staff_with_"):
        return users[(required, role.removeprefix("staff_with_"))]
    return users.get(role)


def owner_may_use(role: str, attempt: Attempt, required, field) -> bool:
    """Tell whether a role would read this path as the object's owner."""
    if OWNER not in required or field in OWNED_BY_STAFF:
        return False
    if attempt.owner == "requestor":
        return role != "anonymous"
    return attempt.owner == "customer" and role == "customer"


@pytest.mark.parametrize(
    ("type_name", "field_name", "role"),
    shared_cases(SALEOR_SCHEMA, cases=cases, arity=3),
)
def test_only_roles_holding_saleors_permission_read_the_field(
    type_name, field_name, role, field_store, api
):
    required = guarded_fields()[(type_name, field_name)]
    if user := user_for(field_store["users"], role, required):
        api.login(user)
    tried = attempts(type_name, field_name, field_store["objects"])

    results = {
        attempt: outcome(call(api, attempt.query), attempt, type_name)
        for attempt in tried
    }

    failed = {a.query: r for a, r in results.items() if r.startswith("failed")}
    assert failed == {}
    if is_allowed(role, required, (type_name, field_name)):
        mine = [
            attempt
            for attempt in tried
            if role != "customer"
            or owner_may_use(role, attempt, required, (type_name, field_name))
        ]
        assert any(results[attempt] in ("read", "null") for attempt in mine), results
        denied = [a.query for a in mine if results[a] == "denied"]
        assert denied == []
        return
    leaked = [
        attempt.query
        for attempt, result in results.items()
        if result == "read"
        and not owner_may_use(role, attempt, required, (type_name, field_name))
    ]
    assert leaked == []


@pytest.mark.parametrize("unused", shared_cases(SALEOR_SCHEMA, cases=lambda: [None]))
def test_every_guarded_field_is_reachable_from_a_root_query(unused):
    unreachable = sorted(
        f"{type_name}.{field_name}"
        for type_name, field_name in guarded_fields()
        if (type_name, field_name) not in EXEMPT and not paths_to().get(type_name)
    )

    assert unreachable == []


@pytest.mark.parametrize("unused", shared_cases(SALEOR_SCHEMA, cases=lambda: [None]))
def test_every_permission_sentence_is_understood(unused):
    unread = sorted(
        f"{type_name}.{field_name}: {text}"
        for type_name, field_name, text in implemented_fields()
        if names_a_permission(text)
        and not guard_of(type_name, text)
        and not NOT_A_GUARD.search(" ".join(text.split()))
    )

    assert unread == []
