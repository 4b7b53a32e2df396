from django.urls import path

from .views import catalog, product

app_name = "storefront"
urlpatterns = [
    path("", catalog.home, name="home"),
    path("search/", catalog.search, name="search"),
    path("categories/<str:slug>/", catalog.category, name="category"),
    path("collections/<str:slug>/", catalog.collection, name="collection"),
    path("products/<str:slug>/", product.product, name="product"),
]
