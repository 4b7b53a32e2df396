"""Carriers: their tracking pages, and which one a tracking number belongs to.

A parcel with a tracking number but no carrier leaves the shopper nothing to
click, so fulfilment derives the carrier from the number when only one
carrier's format fits, and asks for it otherwise.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote

from .errors import OrderErrorCode, order_error


@dataclass(frozen=True)
class Carrier:
    name: str
    tracking_url: str
    # Full-match patterns of the carrier's numbers, spaces removed, upper case.
    formats: tuple[str, ...]


CARRIERS = (
    Carrier(
        "USPS",
        "https://tools.usps.com/go/TrackConfirmAction?tLabels={}",
        # IMpb (20-22 digits, 91-95 or 82 first) and international S10 (..US).
        (r"9[1-5]\d{18,20}", r"82\d{8}", r"[A-Z]{2}\d{9}US"),
    ),
    Carrier(
        "UPS",
        "https://www.ups.com/track?tracknum={}",
        (r"1Z[0-9A-Z]{16}", r"T\d{10}"),
    ),
    Carrier(
        "FedEx",
        "https://www.fedex.com/fedextrack/?trknbr={}",
        # Express (12), Ground (15), Ground 96 barcode (22).
        (r"\d{12}", r"\d{15}", r"96\d{20}"),
    ),
    Carrier(
        "DHL",
        "https://www.dhl.com/us-en/home/tracking.html?tracking-id={}",
        (r"\d{10}", r"JJD\d{18}", r"JVGL\d{16}"),
    ),
    Carrier(
        "Canada Post",
        "https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={}",
        # Domestic (16 digits) and international S10 (..CA).
        (r"\d{16}", r"[A-Z]{2}\d{9}CA"),
    ),
)
CARRIER_NAMES = tuple(carrier.name for carrier in CARRIERS)
_BY_KEY = {carrier.name.lower().replace(" ", ""): carrier for carrier in CARRIERS}
_FORMATS = [
    (carrier, re.compile(pattern))
    for carrier in CARRIERS
    for pattern in carrier.formats
]


def _key(name: str) -> str:
    return name.strip().lower().replace(" ", "")


def carrier_known(name: str) -> Carrier | None:
    """Return the carrier called `name` (any case or spacing), if we know it."""
    return _BY_KEY.get(_key(name))


def carriers_matching(tracking_number: str) -> list[Carrier]:
    """Return every known carrier whose number format fits."""
    number = re.sub(r"\s+", "", tracking_number).upper()
    matching = []
    for carrier, pattern in _FORMATS:
        if pattern.fullmatch(number) and carrier not in matching:
            matching.append(carrier)
    return matching


def tracking_url(*, carrier: str, tracking_number: str) -> str:
    """Return the carrier's tracking page for the number, or "" if unknown."""
    known = carrier_known(carrier)
    if known is None or not tracking_number:
        return ""
    return known.tracking_url.format(quote(tracking_number, safe=""))


def fulfillment_carrier_clean(*, tracking_number: str, carrier: str) -> str:
    """Return the parcel's carrier: as given, derived from the number, or refuse.

    A known carrier is stored under its usual spelling; a number whose format
    belongs to one other known carrier only is refused as a likely mix-up.
    """
    carrier = carrier.strip()[:100]
    if not tracking_number:
        return carrier
    matching = carriers_matching(tracking_number)
    if carrier:
        known = carrier_known(carrier)
        if known is None:
            return carrier
        if len(matching) == 1 and matching[0] is not known:
            raise order_error(
                "tracking_number",
                f"{tracking_number} looks like a {matching[0].name} tracking "
                f"number, not a {known.name} one. Check the carrier.",
                OrderErrorCode.INVALID,
            )
        return known.name
    if len(matching) == 1:
        return matching[0].name
    raise order_error(
        "carrier",
        "Choose the carrier for this tracking number: "
        + (
            f"it could be {' or '.join(c.name for c in matching)}."
            if matching
            else "its format does not tell which carrier it belongs to."
        ),
        OrderErrorCode.REQUIRED,
    )
