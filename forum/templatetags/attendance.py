from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("admin/forum/_attendance.html", takes_context=True)
def attendance_summary(context):
    """The current edition's arrivals, on the admin's home page (for staff who may see them)."""
    request = context.get("request")
    edition = selectors.edition_current()
    if edition is None or request is None or not request.user.has_perm("forum.view_arrival"):
        return {"attendance": None}
    return {"attendance_edition": edition, "attendance": selectors.attendance_figures(edition=edition)}
