from django import template

register = template.Library()


@register.filter
def get_field(form, name: str):
    """Return the bound field called `name`: forms with per-line field names."""
    return form[name]


@register.filter
def get_item(mapping: dict, key):
    """Return mapping[key], or an empty list when absent."""
    return mapping.get(key, [])
