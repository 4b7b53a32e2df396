from django.apps import AppConfig


class WarehouseConfig(AppConfig):
    name = "backend.warehouse"
    label = "warehouse"
