from django import template

register = template.Library()


@register.filter
def get_field(form, name: str):
    """Return the bound field called `name`: forms with per-line field names."""
    return form[name]
