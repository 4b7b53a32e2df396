from django.apps import AppConfig


class OrderConfig(AppConfig):
    name = "backend.order"
    label = "order"
