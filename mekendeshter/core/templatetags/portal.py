from functools import lru_cache

from django import template
from django.core.signals import setting_changed
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from mekendeshter.core import fragments, i18n
from mekendeshter.core.dates import format_date_range
from mekendeshter.core.sanitize import clean_html
from mekendeshter.core.search import highlight

MAX_TITLE_WORDS = 60

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
def date_element(value):
    """A date (or the day of a datetime) as `<time>` in the page's DATE_FORMAT: inside a translated
    sentence too, the date keeps to one line (site.css) instead of breaking at "2027-" / "жылдын"."""
    return format_html('<time datetime="{}">{}</time>', value.strftime("%Y-%m-%d"), date_format(value, "DATE_FORMAT"))


@register.filter
def search_marks(text, query):
    """`text` escaped, with the words that a search `query` (mekendeshter.core.search.Query) found
    in <mark>: for titles and names in the search results."""
    return highlight(text, query, words=MAX_TITLE_WORDS)


@register.filter
def thumbnail_height(photo, width):
    """The height of a photo's thumbnail of the given width, for the <img height> attribute."""
    return photo.thumbnail_height(int(width))


@register.filter
def rich_text(html):
    """Article HTML, cleaned against the allow-list again on the way out (it was on the way in)."""
    return mark_safe(clean_html(str(html)))  # noqa: S308 - cleaned by nh3 just above


@register.filter
def lang_attr(text):
    """`lang="ru"` for a translated field shown as a fallback from another language, else nothing:
    `<p {{ lead|lang_attr }}>`. Screen readers and hyphenation then use the text's own language."""
    if getattr(text, "is_fallback", False):
        return format_html('lang="{}"', text.lang)
    return ""


@register.filter
def with_site_name(title):
    """A page's <title>: 'Search — Mekendeshter Forum', or the site's name alone for a page without a
    title block. `base.html` adds the suffix once, so page templates give only their own title."""
    # The block's output is already escaped; strip() would drop its SafeString mark.
    stripped = title.strip()
    if not stripped:
        return _("Mekendeshter Forum")
    if isinstance(title, SafeData):
        stripped = mark_safe(stripped)  # noqa: S308 - the template escaped it
    return format_html("{} — {}", stripped, _("Mekendeshter Forum"))


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


@register.filter
def and_list(items):
    """["2012", "2014", "2016"] → "2012, 2014 and 2016", with the page language's "and"."""
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    return _("%(items)s and %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


@register.simple_tag
def static_part(template_name, **values):
    """`{% static_part "includes/_footer.html" phone=organizers_phone %}`: a part of every page
    rendered with only the language and these values, once per worker (fragments.static_part)."""
    return fragments.static_part(template_name, **values)


# The main menu's links: (name, URL name, whether the pages below it are its section too).
MAIN_NAV = (
    ("forum", "forum:list", True),
    ("outcome", "forum:outcome", False),
    ("news", "news:list", True),
    ("directory", "diaspora:directory", True),
    ("contact", "contact", True),
    ("search", "search", False),
)


@lru_cache(maxsize=64)
def _main_nav_urls(language, outcome_year):
    # `language` is part of the key only: reverse() prefixes the active language, which it is.
    return tuple(
        (name, reverse(url_name, args=[outcome_year]) if name == "outcome" else reverse(url_name), section)
        for name, url_name, section in MAIN_NAV
        if name != "outcome" or outcome_year
    )


def _forget_main_nav_urls(**kwargs):
    # A test that changes the URLs or the languages gets links reversed under them.
    _main_nav_urls.cache_clear()


setting_changed.connect(_forget_main_nav_urls)


def _current(path, url, section):
    if path == url:
        return "page"
    if section and path.startswith(url):
        return "true"
    return ""


@register.simple_tag(takes_context=True)
def main_nav(context, outcome_year):
    """The header's main menu, with aria-current on the page's own link ("page") and on the
    section it is in ("true", as aria_current says), kept per worker, language, outcome year and
    current link: only the few combinations the site has, instead of six reverse() and a template
    on every page."""
    path = context["request"].path
    # The context processor's lazy value: int() does not see through it, str() does.
    outcome_year = int(str(outcome_year)) if outcome_year else None
    values = {}
    for name, url, section in _main_nav_urls(get_language(), outcome_year):
        values[f"{name}_url"] = url
        values[f"{name}_current"] = _current(path, url, section)
    return fragments.static_part("includes/_main_nav.html", **values)
