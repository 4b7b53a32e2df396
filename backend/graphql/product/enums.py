"""Enums of the product read side, named and valued as Saleor's."""

import graphene


def _enum(name: str, members: str, description: str = "") -> type[graphene.Enum]:
    return graphene.Enum(
        name,
        [(member, member) for member in members.split()],
        description=description or None,
    )


ThumbnailFormatEnum = _enum(
    "ThumbnailFormatEnum", "ORIGINAL AVIF WEBP", "Thumbnail formats for icon images."
)
ProductMediaType = _enum("ProductMediaType", "IMAGE VIDEO", "Type of product media.")
ProductTypeKindEnum = _enum(
    "ProductTypeKindEnum", "NORMAL GIFT_CARD", "The kind of a product type."
)
WeightUnitsEnum = _enum("WeightUnitsEnum", "G LB OZ KG TONNE")
StockAvailability = _enum("StockAvailability", "IN_STOCK OUT_OF_STOCK")
ProductOrderField = _enum(
    "ProductOrderField",
    "NAME RANK PRICE MINIMAL_PRICE LAST_MODIFIED DATE TYPE PUBLISHED "
    "PUBLICATION_DATE PUBLISHED_AT LAST_MODIFIED_AT COLLECTION RATING CREATED_AT",
)
CategorySortField = _enum("CategorySortField", "NAME PRODUCT_COUNT SUBCATEGORY_COUNT")
CollectionSortField = _enum(
    "CollectionSortField",
    "NAME AVAILABILITY PRODUCT_COUNT PUBLICATION_DATE PUBLISHED_AT",
)
ProductVariantSortField = _enum("ProductVariantSortField", "LAST_MODIFIED_AT")
CollectionPublished = _enum("CollectionPublished", "PUBLISHED HIDDEN")
MediaChoicesSortField = _enum("MediaChoicesSortField", "ID")


def name_of(value) -> str | None:
    """Return the member name of a parsed enum argument."""
    if value is None:
        return None
    return getattr(value, "name", None) or str(value)
