from django.urls import path

from .feeds import ArticlesAtomFeed, ArticlesFeed
from .views import account, attribution, catalog, comments, content, product

app_name = "storefront"
urlpatterns = [
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
]
