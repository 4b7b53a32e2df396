from django.apps import AppConfig


class ShippingConfig(AppConfig):
    name = "backend.shipping"
    label = "shipping"
