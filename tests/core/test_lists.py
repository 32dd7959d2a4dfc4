from django import forms
from django.test import RequestFactory

from mekendeshter.core.lists import list_page


class NumberFilter(forms.Form):
    parity = forms.ChoiceField(choices=[("", "all"), ("even", "even"), ("odd", "odd")], required=False)
    below = forms.IntegerField(required=False)


def numbers(filters):
    found = range(filters.get("below") or 100)
    if filters.get("parity"):
        found = [n for n in found if n % 2 == (filters["parity"] == "odd")]
    return list(found)


def test_a_valid_filter_selects_pages_and_stays_in_the_query_string():
    request = RequestFactory().get("/", {"parity": "odd", "below": "50", "page": "2"})
    result = list_page(request, numbers, per_page=10, form=NumberFilter(request.GET))
    assert list(result.page.object_list) == [21, 23, 25, 27, 29, 31, 33, 35, 37, 39]
    assert result.page.paginator.count == 25
    assert result.query == "parity=odd&below=50"


def test_an_invalid_filter_shows_the_whole_list_and_no_page_parameter_is_kept():
    request = RequestFactory().get("/", {"parity": "prime", "page": "999"})
    result = list_page(request, numbers, per_page=10, form=NumberFilter(request.GET))
    assert result.form.errors and result.query == ""
    assert result.page.number == 10 and list(result.page.object_list) == list(range(90, 100))


def test_a_list_without_a_form_has_its_own_page_parameter():
    request = RequestFactory().get("/", {"page": "3", "people": "2"})
    result = list_page(request, lambda filters: numbers(filters), per_page=10, page_param="people")
    assert result.form is None and result.query == "" and result.page.number == 2
