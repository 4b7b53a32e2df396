from django.db import models

from backend.core.models import ModelWithMetadata, SortableModel, TranslationModel


class AttributeType(models.TextChoices):
    PRODUCT_TYPE = "product-type", "Product type"
    PAGE_TYPE = "page-type", "Page type"


class AttributeInputType(models.TextChoices):
    DROPDOWN = "dropdown", "Dropdown"
    MULTISELECT = "multiselect", "Multi select"
    FILE = "file", "File"
    REFERENCE = "reference", "Reference"
    SINGLE_REFERENCE = "single-reference", "Single reference"
    NUMERIC = "numeric", "Numeric"
    RICH_TEXT = "rich-text", "Rich text"
    PLAIN_TEXT = "plain-text", "Plain text"
    SWATCH = "swatch", "Swatch"
    BOOLEAN = "boolean", "Boolean"
    DATE = "date", "Date"
    DATE_TIME = "date-time", "Date time"


# Input types whose values are a fixed list chosen from.
CHOICE_INPUT_TYPES = {
    AttributeInputType.DROPDOWN,
    AttributeInputType.MULTISELECT,
    AttributeInputType.SWATCH,
}


class AttributeEntityType(models.TextChoices):
    PAGE = "Page", "Page"
    PRODUCT = "Product", "Product"
    PRODUCT_VARIANT = "ProductVariant", "Product variant"
    CATEGORY = "Category", "Category"
    COLLECTION = "Collection", "Collection"


class Attribute(ModelWithMetadata):
    slug = models.SlugField(max_length=250, unique=True, allow_unicode=True)
    name = models.CharField(max_length=255)
    type = models.CharField(max_length=50, choices=AttributeType.choices)
    input_type = models.CharField(
        max_length=50,
        choices=AttributeInputType.choices,
        default=AttributeInputType.DROPDOWN,
    )
    entity_type = models.CharField(
        max_length=50, choices=AttributeEntityType.choices, blank=True, null=True
    )
    unit = models.CharField(max_length=100, blank=True, null=True)
    value_required = models.BooleanField(default=False, blank=True)
    is_variant_only = models.BooleanField(default=False, blank=True)
    visible_in_storefront = models.BooleanField(default=True, blank=True)
    filterable_in_storefront = models.BooleanField(default=True, blank=True)
    filterable_in_dashboard = models.BooleanField(default=True, blank=True)
    storefront_search_position = models.IntegerField(default=0, blank=True)
    available_in_grid = models.BooleanField(default=True, blank=True)
    external_reference = models.CharField(
        max_length=250, unique=True, blank=True, null=True
    )

    product_types = models.ManyToManyField(
        "product.ProductType",
        blank=True,
        related_name="product_attributes",
        through="AttributeProduct",
        through_fields=("attribute", "product_type"),
    )
    product_variant_types = models.ManyToManyField(
        "product.ProductType",
        blank=True,
        related_name="variant_attributes",
        through="AttributeVariant",
        through_fields=("attribute", "product_type"),
    )
    page_types = models.ManyToManyField(
        "page.PageType",
        blank=True,
        related_name="page_attributes",
        through="AttributePage",
        through_fields=("attribute", "page_type"),
    )

    class Meta:
        ordering = ("storefront_search_position", "slug")

    def __str__(self) -> str:
        return self.name

    def has_values(self) -> bool:
        return self.values.exists()


class AttributeTranslation(TranslationModel):
    attribute = models.ForeignKey(
        Attribute, related_name="translations", on_delete=models.CASCADE
    )
    name = models.CharField(max_length=255)

    class Meta:
        unique_together = (("language_code", "attribute"),)


class AttributeValue(SortableModel):
    attribute = models.ForeignKey(
        Attribute, related_name="values", on_delete=models.CASCADE
    )
    name = models.CharField(max_length=250)
    slug = models.SlugField(max_length=255, allow_unicode=True)
    # A swatch's hex colour.
    value = models.CharField(max_length=255, blank=True, default="")
    file_url = models.URLField(null=True, blank=True)
    content_type = models.CharField(max_length=50, null=True, blank=True)
    rich_text = models.JSONField(blank=True, null=True)
    plain_text = models.TextField(blank=True, null=True)
    boolean = models.BooleanField(blank=True, null=True)
    date_time = models.DateTimeField(blank=True, null=True)
    numeric = models.DecimalField(
        max_digits=16, decimal_places=4, null=True, blank=True
    )
    reference_product = models.ForeignKey(
        "product.Product",
        related_name="references",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    reference_variant = models.ForeignKey(
        "product.ProductVariant",
        related_name="references",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    reference_page = models.ForeignKey(
        "page.Page",
        related_name="references",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    external_reference = models.CharField(
        max_length=250, unique=True, blank=True, null=True
    )

    class Meta:
        ordering = ("sort_order", "pk")
        unique_together = ("slug", "attribute")

    def __str__(self) -> str:
        return self.name


class AttributeValueTranslation(TranslationModel):
    attribute_value = models.ForeignKey(
        AttributeValue, related_name="translations", on_delete=models.CASCADE
    )
    name = models.CharField(max_length=250)
    rich_text = models.JSONField(blank=True, null=True)
    plain_text = models.TextField(blank=True, null=True)

    class Meta:
        unique_together = (("language_code", "attribute_value"),)


class AttributeProduct(SortableModel):
    """An attribute a product type's products carry."""

    attribute = models.ForeignKey(
        Attribute, related_name="attributeproduct", on_delete=models.CASCADE
    )
    product_type = models.ForeignKey(
        "product.ProductType", related_name="attributeproduct", on_delete=models.CASCADE
    )

    class Meta:
        unique_together = (("attribute", "product_type"),)
        ordering = ("sort_order", "pk")


class AttributeVariant(SortableModel):
    """An attribute a product type's variants carry."""

    attribute = models.ForeignKey(
        Attribute, related_name="attributevariant", on_delete=models.CASCADE
    )
    product_type = models.ForeignKey(
        "product.ProductType", related_name="attributevariant", on_delete=models.CASCADE
    )
    variant_selection = models.BooleanField(default=False)

    class Meta:
        unique_together = (("attribute", "product_type"),)
        ordering = ("sort_order", "pk")


class AttributePage(SortableModel):
    attribute = models.ForeignKey(
        Attribute, related_name="attributepage", on_delete=models.CASCADE
    )
    page_type = models.ForeignKey(
        "page.PageType", related_name="attributepage", on_delete=models.CASCADE
    )

    class Meta:
        unique_together = (("attribute", "page_type"),)
        ordering = ("sort_order", "pk")


class AssignedProductAttributeValue(SortableModel):
    value = models.ForeignKey(
        AttributeValue, related_name="productvalueassignment", on_delete=models.CASCADE
    )
    product = models.ForeignKey(
        "product.Product", related_name="attributevalues", on_delete=models.CASCADE
    )

    class Meta:
        unique_together = (("value", "product"),)
        ordering = ("sort_order", "pk")


class AssignedVariantAttributeValue(SortableModel):
    value = models.ForeignKey(
        AttributeValue, related_name="variantvalueassignment", on_delete=models.CASCADE
    )
    variant = models.ForeignKey(
        "product.ProductVariant",
        related_name="attributevalues",
        on_delete=models.CASCADE,
    )

    class Meta:
        unique_together = (("value", "variant"),)
        ordering = ("sort_order", "pk")


class AssignedPageAttributeValue(SortableModel):
    value = models.ForeignKey(
        AttributeValue, related_name="pagevalueassignment", on_delete=models.CASCADE
    )
    page = models.ForeignKey(
        "page.Page", related_name="attributevalues", on_delete=models.CASCADE
    )

    class Meta:
        unique_together = (("value", "page"),)
        ordering = ("sort_order", "pk")

    def __str__(self) -> str:
        # The admin heads each featured row with it: the product's name.
        return str(self.value)
