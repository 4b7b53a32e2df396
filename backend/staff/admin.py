"""Register every admin page; Django's autodiscover imports this module."""

from . import (  # noqa: F401
    account,
    article_sales_report,
    attribute,
    channel,
    discount,
    menu,
    page,
    product,
    shipping,
    warehouse,
)
