"""The allow-list for article HTML: what the admin's editor produces, nothing that runs."""

import nh3

TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "sub", "sup", "a", "h2", "h3", "h4",
    "ul", "ol", "li", "blockquote", "hr", "figure", "figcaption", "img", "table", "thead",
    "tbody", "tr", "th", "td", "code", "pre",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(html):
    """HTML with scripts, event handlers, styles and javascript: links removed; links get rel=noopener."""
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
