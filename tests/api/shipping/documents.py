"""The shipping mutations as Saleor's dashboard sends them."""

ERRORS = "errors { field code message channels warehouses }"

ZONE_CREATE = f"""
mutation ZoneCreate($input: ShippingZoneCreateInput!) {{
  shippingZoneCreate(input: $input) {{
    {ERRORS}
    shippingZone {{ id name default description countries {{ code }}
      channels {{ slug }} warehouses {{ name }} }}
  }}
}}
"""

ZONE_UPDATE = f"""
mutation ZoneUpdate($id: ID!, $input: ShippingZoneUpdateInput!) {{
  shippingZoneUpdate(id: $id, input: $input) {{
    {ERRORS}
    shippingZone {{ id name countries {{ code }} channels {{ slug }}
      warehouses {{ name }} }}
  }}
}}
"""

ZONE_DELETE = f"""
mutation ZoneDelete($id: ID!) {{
  shippingZoneDelete(id: $id) {{ {ERRORS} shippingZone {{ id name }} }}
}}
"""

PRICE_CREATE = f"""
mutation PriceCreate($input: ShippingPriceInput!) {{
  shippingPriceCreate(input: $input) {{
    {ERRORS}
    shippingZone {{ id }}
    shippingMethod {{ id name carrier type description minimumDeliveryDays
      maximumDeliveryDays postalCodeRules {{ start end inclusionType }} }}
  }}
}}
"""

PRICE_UPDATE = f"""
mutation PriceUpdate($id: ID!, $input: ShippingPriceInput!) {{
  shippingPriceUpdate(id: $id, input: $input) {{
    {ERRORS}
    shippingZone {{ id }}
    shippingMethod {{ id name minimumDeliveryDays maximumDeliveryDays
      postalCodeRules {{ id start end inclusionType }} }}
  }}
}}
"""

PRICE_DELETE = f"""
mutation PriceDelete($id: ID!) {{
  shippingPriceDelete(id: $id) {{
    {ERRORS} shippingMethod {{ id name }} shippingZone {{ id }}
  }}
}}
"""

LISTING_UPDATE = f"""
mutation ListingUpdate($id: ID!, $input: ShippingMethodChannelListingInput!) {{
  shippingMethodChannelListingUpdate(id: $id, input: $input) {{
    {ERRORS}
    shippingMethod {{ id channelListings {{ channel {{ slug }}
      price {{ amount }} minimumOrderPrice {{ amount }}
      maximumOrderPrice {{ amount }} }} }}
  }}
}}
"""
