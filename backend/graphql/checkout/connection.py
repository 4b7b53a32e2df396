"""The checkout connection (``User.checkouts``)."""

from ..core.connection import create_connection_type
from .types import Checkout

CheckoutCountableConnection = create_connection_type(Checkout)
