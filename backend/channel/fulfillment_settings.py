"""The shop-wide answer to the per-channel fulfilment settings."""

from dataclasses import dataclass

from .models import Channel


@dataclass(frozen=True)
class FulfillmentSettings:
    auto_approve: bool
    allow_unpaid: bool


def shop_fulfillment_settings() -> FulfillmentSettings:
    """Return what holds of fulfilment in every channel.

    Lumbar keeps Saleor's shop-wide settings per channel (the fulfilment
    service reads the order's channel); the shop-wide answer is true only
    where every channel says so. A shop without channels answers with the
    defaults a new channel gets.
    """
    flags = list(
        Channel.objects.values_list(
            "automatically_approve_fulfillments", "allow_unpaid_fulfillments"
        )
    )
    if not flags:
        return FulfillmentSettings(
            auto_approve=Channel._meta.get_field(
                "automatically_approve_fulfillments"
            ).default,
            allow_unpaid=Channel._meta.get_field("allow_unpaid_fulfillments").default,
        )
    return FulfillmentSettings(
        auto_approve=all(auto for auto, _ in flags),
        allow_unpaid=all(unpaid for _, unpaid in flags),
    )
