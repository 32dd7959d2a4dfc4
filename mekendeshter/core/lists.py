"""List pages (news, the directory): a filter form, one page of what it selects, and the query
string that keeps the filter in the page links."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.forms import Form
from django.utils.http import urlencode


@dataclass(frozen=True)
class ListPage:
    form: Form | None
    page: Page
    # The valid filters as a query string, for links to other pages of the same list.
    query: str


class DeepPages:
    """A queryset that a paginator reads in two steps: the keys of one page (an index-only scan
    when an index matches the filter and the ordering), then the rows of those keys. A plain
    OFFSET fetches every skipped row from the table, so page 300 cost 300 times page 1; this way
    skipping costs index entries only. `count` may be given (from a cache) to spare the COUNT."""

    def __init__(self, queryset, *, count=None):
        self.queryset = queryset
        self._count = count

    def count(self):
        if self._count is None:
            self._count = self.queryset.count()
        return self._count

    def __len__(self):
        return self.count()

    @property
    def ordered(self):
        # The paginator warns about an unordered list: pages of one would overlap.
        return self.queryset.ordered

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        keys = list(self.queryset.values_list("pk", flat=True)[index])
        rows = self.queryset.filter(pk__in=keys).order_by()
        by_key = {row.pk: row for row in rows}
        return [by_key[key] for key in keys if key in by_key]


def list_page(request, select, *, per_page, form=None, page_param="page", count=None):
    """`select(filters)` returns the queryset for the form's valid filters (a dict of the form's
    cleaned data, empty without a form or when the form is not valid); invalid filters are
    ignored rather than refused, so that an edited address still shows a list. `count(filters)`,
    when given, returns the number of items if it is known without counting (from a cache), else
    None."""
    filters = form.cleaned_data if form is not None and form.is_valid() else {}
    items = select(filters)
    known = count(filters) if count is not None else None
    if isinstance(items, QuerySet):
        items = DeepPages(items, count=known)
    page = Paginator(items, per_page).get_page(request.GET.get(page_param))
    query = urlencode({name: value for name, value in filters.items() if value})
    return ListPage(form=form, page=page, query=query)
