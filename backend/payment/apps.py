from django.apps import AppConfig


class PaymentConfig(AppConfig):
    name = "backend.payment"
    label = "payment"
