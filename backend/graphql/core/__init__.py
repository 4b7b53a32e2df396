"""Shared GraphQL read-side pieces; how a domain package uses them.

- ids.py: ``global_id("Product", pk)`` and ``from_global_id_or_error(value,
  "Product")`` (Saleor's "Invalid ID: ... Expected: Product." error);
  ``uuid_from_global_id`` for the types whose ids carry a UUID (Order,
  Checkout, their lines, TransactionItem).
- connection.py: ``XConnection = create_connection_type(XType)`` gives
  ``XCountableConnection``/``XCountableEdge``; declare the query field with
  ``ConnectionField(XConnection, filter=..., ...)`` and return
  ``connection_from(queryset, info, kwargs, XConnection, wrap=...)``.
  It validates first/last (max 100, not both) with Saleor's messages. Order
  the queryset deterministically (end with "pk").
- dataloaders.py: subclass ``DataLoader`` (``batch_load(keys)`` -> values in
  key order); in a resolver call ``Loader(info).load_for(root, key_of)``.
  Loaders live on ``info.context`` and batch over the siblings that a list
  resolver registered (``connection_from`` does; for plain lists call
  ``register_siblings(info, items)`` and return its result). For a
  relation whose results have fields of their own (product -> category ->
  translation), resolve it with ``resolve_for_siblings(info, root, key,
  resolve)`` so the results of the whole page form the next sibling group.
- channel.py: ``ChannelContext(node, channel_slug)`` for channel-aware types
  (Product, ProductVariant, Collection); ``resolve_channel_slug(info,
  channel)`` applies Saleor's rules (unknown slug -> "Channel with '<slug>'
  slug does not exist.", no arg -> staff read all, shopper the default).
- money.py: Money, TaxedMoney, MoneyRange, TaxedMoneyRange from
  ``prices`` objects; types.py: Image (url, alt), LanguageDisplay and
  CountryDisplay (``language_display(code)``, ``country_display(country)``).
- lazy.py: ``lazy_type("backend.graphql.<pkg>.<module>.<Type>")`` names a
  type whose direct import would close an import circle; import every other
  type directly.
- enums.py: OrderDirection, CountryCode, LanguageCodeEnum (shared_enums.py
  reads parsed members: ``member_name``, ``stored_language_code``);
  filter_inputs.py: StringFilterInput, GlobalIDFilterInput,
  DecimalFilterInput, DateTimeRangeInput, ..., MetadataFilter and
  ``filter_by_metadata``.
- permissions.py: ``@permission_required(...)`` on a resolver, or
  ``require_staff(info)`` / ``require_any_permission(info, ...)`` in it;
  arguments.py: ``require_one_of(id=..., slug=...)`` for single-object
  queries; inputs.py: the shared scalars (PositiveInt, JSON, ...) and
  ``sort_direction``, ``string_filter_q``; money.py also has ``taxed``.
"""
