"""Template tags of the site level: the admin dashboard reads several apps, which the core's
`portal` tags may not import."""

from django import template

from mekendeshter.selectors import staff_dashboard as dashboard

register = template.Library()


@register.simple_tag
def staff_dashboard():
    """`{% staff_dashboard as dashboard %}` on the admin index."""
    return dashboard()
