"""`{% admin_title as title %}` in the admin's list and form templates: the page's title with the
model's name in the case its sentence needs (mekendeshter.admin.object_title)."""

from django import template

from mekendeshter.admin import object_title

register = template.Library()


@register.simple_tag(takes_context=True)
def admin_title(context):
    title = context.get("title")
    opts = context.get("opts")
    return title if opts is None else object_title(opts, title)
