"""Our checkout, order, payment and shipping API is a subset of Saleor's."""

import pytest

from backend.graphql.api import schema as lumbar_schema
from tests.shared_assets import saleor_schema

from .saleor_compat import root_field_differences, type_differences

TYPES = (
    "Checkout CheckoutLine CheckoutError CheckoutErrorCode CheckoutCreateInput "
    "CheckoutLineInput CheckoutLineUpdateInput CheckoutAddressValidationRules "
    "CheckoutValidationRules CheckoutProblem CheckoutLineProblem "
    "CheckoutLineProblemInsufficientStock CheckoutLineProblemVariantNotAvailable "
    "CheckoutProblemDeliveryMethodStale CheckoutProblemDeliveryMethodInvalid "
    "CheckoutAuthorizeStatusEnum CheckoutChargeStatusEnum Delivery DeliveryMethod "
    "ShippingMethod GiftCard PaymentGateway GatewayConfigLine TransactionItem "
    "TransactionEvent TransactionEventTypeEnum TransactionActionEnum "
    "Order OrderLine OrderEvent OrderStatus OrderEventsEnum OrderChargeStatusEnum "
    "OrderAuthorizeStatusEnum PaymentChargeStatusEnum OrderCountableConnection "
    "AddressTypeEnum Fulfillment FulfillmentLine FulfillmentStatus "
    "OrderFilterInput OrderSortingInput OrderSortField OrderStatusFilter "
    "Voucher OrderDiscount OrderDiscountType DiscountValueTypeEnum VoucherTypeEnum "
    "CheckoutAddPromoCode CheckoutRemovePromoCode "
    "CheckoutCreate CheckoutLinesAdd CheckoutLinesUpdate "
    "CheckoutLinesDelete CheckoutEmailUpdate CheckoutShippingAddressUpdate "
    "CheckoutBillingAddressUpdate CheckoutDeliveryMethodUpdate "
    "CheckoutShippingMethodUpdate CheckoutCustomerAttach CheckoutCustomerDetach "
    "CheckoutComplete DeliveryOptionsCalculate DeliveryOptionsCalculateError "
    "TransactionInitialize TransactionProcess PaymentGatewayInitialize "
    "PaymentGatewayConfig PaymentGatewayToInitialize TransactionInitializeError "
    "TransactionProcessError PaymentGatewayInitializeError PaymentGatewayConfigError "
    "OrderError OrderErrorCode OrderFulfill OrderFulfillInput OrderFulfillLineInput "
    "OrderFulfillStockInput FulfillmentApprove FulfillmentCancel "
    "FulfillmentCancelInput FulfillmentUpdateTracking FulfillmentUpdateTrackingInput "
    "OrderCancel OrderConfirm OrderNoteAdd OrderNoteInput OrderNoteAddError "
    "OrderNoteAddErrorCode OrderMarkAsPaid"
).split()
QUERIES = ("checkout", "order", "orders")
MUTATIONS = (
    "checkoutCreate",
    "checkoutLinesAdd",
    "checkoutLinesUpdate",
    "checkoutLinesDelete",
    "checkoutEmailUpdate",
    "checkoutShippingAddressUpdate",
    "checkoutBillingAddressUpdate",
    "checkoutDeliveryMethodUpdate",
    "checkoutShippingMethodUpdate",
    "checkoutCustomerAttach",
    "checkoutCustomerDetach",
    "checkoutComplete",
    "checkoutAddPromoCode",
    "checkoutRemovePromoCode",
    "deliveryOptionsCalculate",
    "transactionInitialize",
    "transactionProcess",
    "paymentGatewayInitialize",
    "orderFulfill",
    "orderFulfillmentApprove",
    "orderFulfillmentCancel",
    "orderFulfillmentUpdateTracking",
    "orderCancel",
    "orderConfirm",
    "orderNoteAdd",
    "orderMarkAsPaid",
)


@pytest.fixture(scope="module")
def saleor():
    return saleor_schema()


@pytest.mark.parametrize("type_name", TYPES)
def test_type_matches_saleor(type_name, saleor):
    assert type_differences(lumbar_schema.graphql_schema, saleor, type_name) == []


@pytest.mark.parametrize("name", QUERIES)
def test_query_matches_saleor(name, saleor):
    assert (
        root_field_differences(lumbar_schema.graphql_schema, saleor, "query", name)
        == []
    )


@pytest.mark.parametrize("name", MUTATIONS)
def test_mutation_matches_saleor(name, saleor):
    assert (
        root_field_differences(lumbar_schema.graphql_schema, saleor, "mutation", name)
        == []
    )
