from django.urls import path

from .feeds import ArticlesAtomFeed, ArticlesFeed
from .views import (
    account,
    account_addresses,
    account_passwords,
    attribution,
    cart,
    catalog,
    checkout,
    checkout_stripe,
    comments,
    content,
    orders,
    product,
    restock,
)

app_name = "storefront"
urlpatterns = [
    # Every page an anonymous reader loads is cached until the next catalog
    # write, so a miss must render from the primary: a lagging replica's rows
    # would be stored under the new version and served until the next write.
    path("", catalog.home, name="home"),
    path("search/", catalog.search, name="search"),
    path("categories/<str:slug>/", catalog.category, name="category"),
    path("collections/<str:slug>/", catalog.collection, name="collection"),
    path("products/<str:slug>/", product.product, name="product"),
    path("articles/", content.article_index, name="article_index"),
    path("articles/feed/", ArticlesFeed(), name="article_feed"),
    path("articles/atom/", ArticlesAtomFeed(), name="article_atom"),
    path("articles/<str:slug>/", content.article_detail, name="article"),
    path(
        "articles/<str:slug>/comments/", comments.comment_create, name="article_comment"
    ),
    path(
        "articles/<str:slug>/products/<str:product_slug>/",
        attribution.shop_block_click,
        name="shop_block_click",
    ),
    path("articles/<str:slug>/hero.png", content.article_hero, name="article_hero"),
    path("account/signup/", account.signup, name="account_signup"),
    path("account/confirm/", account.confirm, name="account_confirm"),
    path("account/login/", account.login_view, name="account_login"),
    path("account/logout/", account.logout_view, name="account_logout"),
    path("account/orders/", account.orders, name="account_orders"),
    path("account/", account.overview, name="account"),
    path(
        "account/addresses/",
        account_addresses.address_list,
        name="account_addresses",
    ),
    path(
        "account/addresses/add/",
        account_addresses.address_create,
        name="account_address_create",
    ),
    path(
        "account/addresses/<int:address_id>/edit/",
        account_addresses.address_update,
        name="account_address_update",
    ),
    path(
        "account/addresses/<int:address_id>/delete/",
        account_addresses.address_delete,
        name="account_address_delete",
    ),
    path(
        "account/addresses/<int:address_id>/default/<str:address_type>/",
        account_addresses.address_set_default,
        name="account_address_default",
    ),
    path(
        "account/password/",
        account_passwords.change,
        name="account_password_change",
    ),
    path(
        "account/password/forgot/",
        account_passwords.reset_request,
        name="account_password_reset_request",
    ),
    path(
        "account/password/reset/",
        account_passwords.reset,
        name="account_password_reset",
    ),
    path("cart/", cart.cart_detail, name="cart"),
    path("cart/add/", cart.cart_add, name="cart-add"),
    path("restock-alerts/", restock.restock_alert, name="restock-alert"),
    path("cart/lines/<uuid:line_id>/", cart.cart_line_update, name="cart-line-update"),
    path(
        "cart/lines/<uuid:line_id>/remove/",
        cart.cart_line_remove,
        name="cart-line-remove",
    ),
    path("cart/promo/", cart.cart_promo_add, name="cart-promo-add"),
    path("cart/promo/remove/", cart.cart_promo_remove, name="cart-promo-remove"),
    path("checkout/", checkout.checkout_start, name="checkout"),
    path("checkout/contact/", checkout.checkout_contact, name="checkout-contact"),
    path("checkout/address/", checkout.checkout_address, name="checkout-address"),
    path("checkout/delivery/", checkout.checkout_delivery, name="checkout-delivery"),
    path(
        "checkout/review/",
        checkout_stripe.checkout_review_or_stripe,
        name="checkout-review",
    ),
    path(
        "checkout/stripe/return/",
        checkout_stripe.checkout_stripe_return,
        name="checkout-stripe-return",
    ),
    path(
        "checkout/confirmation/<uuid:token>/",
        checkout.checkout_confirmation,
        name="checkout-confirmation",
    ),
    path("orders/<uuid:token>/", orders.order_status, name="order-status"),
]
