"""The demo_store fixture: loaded once, seen by every test of the module."""

from backend.account.models import User
from backend.product.models import Product, ProductVariant


def test_first_test_of_the_module_sees_the_demo(demo_store, db):
    assert Product.objects.filter(slug="loop-stretch-strap").exists()
    assert ProductVariant.objects.count() == 46


def test_second_test_of_the_module_sees_the_same_demo(demo_store, db):
    assert Product.objects.count() == 19
    assert User.objects.filter(email="merch@example.com").exists()


def test_a_test_change_is_undone_before_the_next_test(demo_store, db):
    Product.objects.filter(slug="loop-stretch-strap").delete()

    assert Product.objects.count() == 18


def test_the_next_test_sees_the_deleted_product_again(demo_store, db):
    assert Product.objects.filter(slug="loop-stretch-strap").exists()
