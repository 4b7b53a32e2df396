"""A per-request DataLoader that batches over sibling objects, synchronously.

graphene-django executes synchronously (graphql-core 3), so a resolver must
return a value, not a promise. Batching instead comes from siblings: every
list resolver registers the objects it returns (``register_siblings``);
when a field of one of them asks a loader for a key the loader has not
seen, it loads the keys of all the siblings in one batch. A page of 50
products therefore costs one query per loader, as with promise loaders.

    class CategoryByIdLoader(DataLoader):
        context_key = "category_by_id"

        def batch_load(self, keys):
            found = Category.objects.in_bulk(keys)
            return [found.get(key) for key in keys]

    def resolve_category(root, info):
        return CategoryByIdLoader(info).load_for(root, lambda r: r.category_id)
"""

from collections.abc import Callable, Hashable, Iterable
from typing import Any

_LOADERS_ATTR = "_lumbar_dataloaders"
_SIBLINGS_ATTR = "_lumbar_siblings"
_RESULTS_ATTR = "_lumbar_sibling_results"


def _context(info_or_context):
    return getattr(info_or_context, "context", info_or_context)


def register_siblings(info, items: Iterable) -> list:
    """Remember that these objects were listed together; return them."""
    group = list(items)
    if len(group) < 2:
        return group
    context = _context(info)
    if context is None:
        return group
    registry = getattr(context, _SIBLINGS_ATTR, None)
    if registry is None:
        registry = {"groups": []}
        setattr(context, _SIBLINGS_ATTR, registry)
    # Keep the group alive so the ids of its members stay unique.
    registry["groups"].append(group)
    for item in group:
        registry[id(item)] = group
    return group


def siblings_of(info, root) -> list:
    """Return the objects listed with root (root alone if it was not listed)."""
    registry = getattr(_context(info), _SIBLINGS_ATTR, None) or {}
    return registry.get(id(root), [root])


def resolve_for_siblings(
    info,
    root,
    key: str,
    resolve: Callable[[Any], Any],
    items_of: Callable[[Any], Iterable] | None = None,
):
    """Resolve a relation of root and of all its siblings at once.

    The results (objects, or the items of lists) become one sibling group,
    so the next level of the query batches across the whole page too: the
    categories of 50 products load their translations in one query.
    ``items_of`` picks the objects of a result to group (a connection's
    nodes, say); by default a list's items or the object itself.
    """
    context = _context(info)
    if context is None:
        return resolve(root)
    results = getattr(context, _RESULTS_ATTR, None)
    if results is None:
        results = {}
        setattr(context, _RESULTS_ATTR, results)
    slot = (key, id(root))
    entry = results.get(slot)
    # Entries hold their root, so an id is never reused while looked up.
    if entry is None or entry[0] is not root:
        group: dict[int, Any] = {}
        for sibling in siblings_of(info, root):
            value = resolve(sibling)
            results[(key, id(sibling))] = (sibling, value)
            if items_of is not None:
                items = items_of(value) if value is not None else []
            else:
                items = value if isinstance(value, list) else [value]
            for item in items:
                if item is not None:
                    group[id(item)] = item
        register_siblings(info, group.values())
        entry = results[slot]
    return entry[1]


class DataLoader:
    """Load values by key once per request, many keys per query."""

    context_key: str = ""

    def __new__(cls, info, *args: Any):
        context = _context(info)
        loaders = getattr(context, _LOADERS_ATTR, None)
        if loaders is None:
            loaders = {}
            setattr(context, _LOADERS_ATTR, loaders)
        key = (cls.context_key or cls.__qualname__, *args)
        loader = loaders.get(key)
        if loader is None:
            loader = super().__new__(cls)
            loader.info = info
            loader.context = context
            loader.args = args
            loader.cache = {}
            loader.setup(*args)
            loaders[key] = loader
        return loader

    def setup(self, *args: Any) -> None:
        """Take the loader's extra arguments (a channel slug, say)."""

    def batch_load(self, keys: list) -> list:
        """Return one value per key, in the order of keys."""
        raise NotImplementedError

    def load_many(self, keys: Iterable[Hashable]) -> list:
        """Return the values of the keys, loading the missing ones at once."""
        keys = list(keys)
        missing = list(dict.fromkeys(key for key in keys if key not in self.cache))
        if missing:
            values = self.batch_load(missing)
            self.cache.update(zip(missing, values, strict=True))
        return [self.cache[key] for key in keys]

    def load(self, key: Hashable):
        return self.load_many([key])[0]

    def load_for(self, root, key_of: Callable[[Any], Hashable]):
        """Return the value for root, batching the keys of root's siblings."""
        key = key_of(root)
        if key not in self.cache:
            keys = [key_of(sibling) for sibling in siblings_of(self.info, root)]
            self.load_many([k for k in keys if k is not None] + [key])
        return self.cache[key]

    def prime(self, key: Hashable, value) -> None:
        self.cache.setdefault(key, value)
