"""The shared cache of site data (mekendeshter.core.cache): values stay until their group changes."""

import pytest
from django.core.cache import cache
from django.db import connection, transaction

from diaspora.selectors import association_countries
from mekendeshter.core.cache import cached, invalidate
from tests.factories import AssociationFactory

GROUP = "test-group"


class Counter:
    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return ["value", self.calls]


@pytest.mark.django_db
def test_a_value_is_computed_once_until_its_group_is_invalidated():
    compute = Counter()
    assert cached(GROUP, "a", compute) == ["value", 1]
    assert cached(GROUP, "a", compute) == ["value", 1]
    invalidate("another-group")
    assert cached(GROUP, "a", compute) == ["value", 1] and compute.calls == 1
    invalidate(GROUP)
    assert cached(GROUP, "a", compute) == ["value", 2]


def test_a_value_is_computed_again_when_the_cache_lost_the_generation():
    compute = Counter()
    cached(GROUP, "a", compute)
    cache.delete("data:test-group:generation")  # evicted, or a restarted Redis
    assert cached(GROUP, "a", compute) == ["value", 2]


def test_none_is_a_value_like_any_other():
    calls = []
    for _ in range(2):
        assert cached(GROUP, "nothing", lambda: calls.append(1)) is None
    assert calls == [1]


@pytest.mark.django_db(transaction=True)
def test_a_committed_write_invalidates_what_readers_stored_meanwhile():
    """A reader between the write and its commit may store the old value: the commit bumps again."""
    compute = Counter()
    with transaction.atomic():
        invalidate(GROUP)
        invalidate(GROUP)  # many rows in one transaction: one bump at the commit
        scheduled = [callback for _sids, callback, _robust in connection.run_on_commit]
        assert [getattr(callback, "cache_group", None) for callback in scheduled] == [GROUP]
        cached(GROUP, "a", compute)  # stored before the commit
    assert cached(GROUP, "a", compute) == ["value", 2]


@pytest.mark.django_db
def test_saving_or_deleting_a_connected_model_invalidates_its_group():

    association = AssociationFactory(country="KZ")
    assert [(row["code"], row["count"]) for row in association_countries()] == [("KZ", 1)]
    AssociationFactory(country="KZ")
    assert [(row["code"], row["count"]) for row in association_countries()] == [("KZ", 2)]
    association.delete()
    assert [(row["code"], row["count"]) for row in association_countries()] == [("KZ", 1)]
