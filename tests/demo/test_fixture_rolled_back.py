"""Runs after test_fixture_demo_store.py: the demo there was rolled back."""

from backend.account.models import User
from backend.channel.models import Channel
from backend.product.models import Product, ProductVariant
from backend.warehouse.models import Warehouse


def test_a_later_module_without_the_fixture_sees_an_empty_catalog(db):
    assert Product.objects.count() == 0
    assert ProductVariant.objects.count() == 0
    assert Warehouse.objects.count() == 0
    assert not Channel.objects.filter(slug="default-channel").exists()
    assert not User.objects.filter(email="admin@example.com").exists()
