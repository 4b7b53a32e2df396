from django.urls import path

from .views import catalog

app_name = "storefront"
urlpatterns = [
    path("", catalog.home, name="home"),
]
