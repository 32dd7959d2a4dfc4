"""List pages (news, the directory): a filter form, one page of what it selects, and the query
string that keeps the filter in the page links."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.forms import Form
from django.utils.http import urlencode


@dataclass(frozen=True)
class ListPage:
    form: Form | None
    page: Page
    # The valid filters as a query string, for links to other pages of the same list.
    query: str


def list_page(request, select, *, per_page, form=None, page_param="page"):
    """`select(filters)` returns the queryset for the form's valid filters (a dict of the form's
    cleaned data, empty without a form or when the form is not valid); invalid filters are
    ignored rather than refused, so that an edited address still shows a list."""
    filters = form.cleaned_data if form is not None and form.is_valid() else {}
    page = Paginator(select(filters), per_page).get_page(request.GET.get(page_param))
    query = urlencode({name: value for name, value in filters.items() if value})
    return ListPage(form=form, page=page, query=query)
