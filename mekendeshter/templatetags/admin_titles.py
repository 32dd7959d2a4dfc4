"""`{% admin_title as title %}` in the admin's list and form templates: the page's title with the
model's name in the case its sentence needs (mekendeshter.admin.object_title)."""

from django import template
from django.utils.translation import gettext

from mekendeshter.admin import object_title

register = template.Library()

# Django's msgid, translated by its catalogue (a name, so that makemessages leaves it out of ours).
DJANGO_ADD = "Add %s"


@register.simple_tag(takes_context=True)
def admin_title(context):
    title = context.get("title")
    opts = context.get("opts")
    return title if opts is None else object_title(opts, title)


@register.simple_tag
def admin_add_label(opts):
    """The changelist's "Add …" link, worded as the add page's title."""
    return object_title(opts, gettext(DJANGO_ADD) % opts.verbose_name)
