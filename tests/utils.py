import re
import threading
from html.parser import HTMLParser

from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections
from django.test import override_settings
from django.test.utils import CaptureQueriesContext


def rate_limit(scope):
    """How many attempts the scope allows one client per period (settings.RATE_LIMITS)."""
    return settings.RATE_LIMITS[scope][0]


def squash(html):
    """The page with every run of whitespace made one space, so that fragments can be compared exactly."""
    return " ".join(html.split())


def run_at_once(function, arguments):
    """Call `function(argument)` for every argument, each in its own thread and all released at the
    same moment (real concurrent transactions: PostgreSQL, in a `transaction=True` test); return
    the exceptions they raised, for the test to assert there are none."""
    barrier = threading.Barrier(len(arguments))
    errors = []

    def run(argument):
        try:
            barrier.wait(timeout=30)
            function(argument)
        except Exception as error:  # noqa: BLE001 - returned to the test, which shows them
            errors.append(error)
        finally:
            connections.close_all()  # this thread's connections: the test database is dropped after

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def count_queries(client, url):
    """Queries one GET of `url` runs (the page must answer 200) when the page is rendered, not
    taken from the page cache, with nothing in the data cache: the count of the first visit after
    a change (mekendeshter.core.cache), which must stay bounded."""
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=0), CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(context)


class _TextCollector(HTMLParser):
    """Visible text and labelling attributes, leaving out elements marked with another language."""

    LABEL_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, page_language):
        super().__init__(convert_charrefs=True)
        self.page_language = page_language
        self.stack = []  # (tag, skipped)
        self.chunks = []

    @property
    def skipping(self):
        return any(skipped for _tag, skipped in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang")
        skipped = tag in ("script", "style", "head") or (lang is not None and lang != self.page_language)
        if not self.skipping and not skipped:
            self.chunks.extend(attrs[name] for name in self.LABEL_ATTRIBUTES if attrs.get(name))
        if tag not in self.VOID:
            self.stack.append((tag, skipped))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.chunks.append(data)


def text_in_language(html, page_language):
    """The page's text outside elements whose `lang` differs from the page's language."""
    collector = _TextCollector(page_language)
    collector.feed(html)
    return " ".join(" ".join(collector.chunks).split())


def heading_levels(html):
    """The levels of the headings (h1–h6) of the page, in document order."""
    return [int(tag[1]) for tag in re.findall(r"<(h[1-6])[\s>]", html)]


def skipped_heading_levels(html):
    """Each pair of consecutive headings where the second goes more than one level deeper (h1 → h3):
    what axe and Lighthouse report as "heading-order"."""
    levels = heading_levels(html)
    return [(above, below) for above, below in zip(levels, levels[1:], strict=False) if below > above + 1]


def contrast_ratio(first, second):
    """WCAG's contrast ratio of two computed CSS colours ("rgb(…)", opaque)."""

    def luminance(colour):
        channels = [int(part) / 255 for part in re.findall(r"\d+", colour)[:3]]
        red, green, blue = (part / 12.92 if part <= 0.03928 else ((part + 0.055) / 1.055) ** 2.4 for part in channels)
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
