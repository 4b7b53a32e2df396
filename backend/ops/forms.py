"""The fulfil form: per line a quantity and a warehouse, then the parcel."""

from django import forms

from backend.order.carriers import CARRIER_NAMES
from backend.order.models import TRACKING_NUMBER_MAX_LENGTH, OrderLine
from backend.warehouse.models import StockAdjustmentReason

CARRIERS = [(name, name) for name in CARRIER_NAMES]
# With a tracking number, the carrier is read from its format when it can be.
FROM_TRACKING_NUMBER = "From the tracking number"


class FulfilForm(forms.Form):
    carrier = forms.ChoiceField(
        choices=[("", FROM_TRACKING_NUMBER), *CARRIERS], required=False
    )
    tracking_number = forms.CharField(
        max_length=TRACKING_NUMBER_MAX_LENGTH, required=False
    )
    notify_customer = forms.BooleanField(
        required=False, initial=True, label="Email the customer"
    )

    def __init__(self, *args, lines: list[OrderLine], warehouses, **kwargs):
        """Add a quantity and a warehouse field for each line still to send.

        ``warehouses`` maps a line id to the (id, label) choices that hold it,
        the warehouse its stock is allocated in first.
        """
        super().__init__(*args, **kwargs)
        self.line_fields = []
        for line in lines:
            left = line.quantity - line.quantity_fulfilled
            if left <= 0:
                continue
            quantity = f"quantity_{line.pk}"
            warehouse = f"warehouse_{line.pk}"
            self.fields[quantity] = forms.IntegerField(
                min_value=0, max_value=left, initial=left, label=f"Quantity of {line}"
            )
            choices = warehouses.get(str(line.pk), [])
            self.fields[warehouse] = forms.TypedChoiceField(
                choices=choices,
                coerce=int,
                required=bool(choices),
                label=f"Warehouse for {line}",
            )
            self.line_fields.append((line, left, quantity, warehouse))

    def fulfil_lines(self) -> list[tuple[str, int, int]]:
        """Return (order line id, quantity, warehouse id) for quantities above 0."""
        return [
            (str(line.pk), self.cleaned_data[quantity], self.cleaned_data[warehouse])
            for line, _, quantity, warehouse in self.line_fields
            if self.cleaned_data.get(quantity)
        ]


class StockAdjustForm(forms.Form):
    quantity = forms.IntegerField(min_value=0, label="New quantity on hand")
    reason = forms.ChoiceField(choices=StockAdjustmentReason.choices)
    note = forms.CharField(max_length=250, required=False)
