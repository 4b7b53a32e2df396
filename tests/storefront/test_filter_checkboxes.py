"""The catalog filter's checkboxes, written by a filter, read as Django's."""

from django.http import QueryDict

from backend.product.selectors import FilterChoices
from backend.storefront.forms import CatalogFilterForm
from backend.storefront.templatetags.storefront import checkbox_input


def test_filter_checkboxes_render_as_djangos_own_widget_ticked_or_not():
    form = CatalogFilterForm(
        QueryDict("therapy=heat&therapy=a%22b%3Cc"),
        filter_choices=[
            FilterChoices(
                attribute_slug="therapy",
                label="Therapy",
                choices=(
                    ("stretching", "Stretching"),
                    ("heat", "Heat"),
                    ('a"b<c', "Odd"),
                ),
            )
        ],
    )

    options = list(form["therapy"])

    assert [checkbox_input(option) for option in options] == [
        option.tag() for option in options
    ]
    assert checkbox_input(options[1]) == (
        '<input type="checkbox" name="therapy" value="heat" id="id_therapy_1" checked>'
    )
