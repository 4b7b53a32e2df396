from django.apps import AppConfig


class AccountConfig(AppConfig):
    name = "backend.account"
    label = "account"
