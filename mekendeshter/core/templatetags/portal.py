from django import template
from django.utils.safestring import mark_safe

from mekendeshter.core import i18n
from mekendeshter.core.dates import format_date_range
from mekendeshter.core.sanitize import clean_html

register = template.Library()


@register.simple_tag
def translated(obj, field):
    """`{% translated article "title" as title %}`: the text in the page's language (or its
    fallback), with `title.lang` and `title.note` for marking a fallback."""
    return i18n.translated(obj, field)


@register.filter
def edition_dates(edition):
    """The dates of a forum edition, e.g. '2016-жылдын 1–2-августу' on /ky/."""
    return format_date_range(
        edition.start_date,
        edition.end_date,
        month_only=edition.date_precision == edition.DatePrecision.MONTH,
    )


@register.filter
def thumbnail_height(photo, width):
    """The height of a photo's thumbnail of the given width, for the <img height> attribute."""
    return photo.thumbnail_height(int(width))


@register.filter
def rich_text(html):
    """Article HTML, cleaned against the allow-list again on the way out (it was on the way in)."""
    return mark_safe(clean_html(str(html)))  # noqa: S308 - cleaned by nh3 just above


@register.simple_tag(takes_context=True)
def aria_current(context, url, section=False):
    """`aria-current` for a menu link: "page" on the page itself; with `section`, "true" on the
    pages below it (an article under News), so the menu shows where the visitor is."""
    path = context["request"].path
    if path == url:
        return mark_safe('aria-current="page"')
    if section and path.startswith(url):
        return mark_safe('aria-current="true"')
    return ""


@register.simple_tag
def staff_dashboard():
    """`{% staff_dashboard as dashboard %}` on the admin index."""
    from mekendeshter.selectors import staff_dashboard as dashboard

    return dashboard()
