"""Data that many pages show and few writes change (the header's latest outcome year, the
directory's countries and counts), kept in the shared cache and dropped when its rows change.

Each group of data has a generation in the cache; a value is stored with the generation it was
computed under, and a write to one of the group's models starts a new generation, so every value
of the group is recomputed on its next read, in every app server at once. Writes that bypass
model signals (`QuerySet.update()`, `bulk_create()`) call `invalidate(group)` themselves.
"""

import logging
import time

from django.core.cache import cache
from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save

logger = logging.getLogger(__name__)

# A ceiling only: a generation change is what makes a value stale.
TIMEOUT = 60 * 60


def _generation_key(group):
    return f"data:{group}:generation"


def cached(group, name, compute, *, timeout=TIMEOUT):
    """`compute()`'s value, from the cache while nothing in `group` has changed. It must be
    picklable and must not depend on the request (put the language or the date into `name`).
    One round trip: the group's generation and the value are read together."""
    generation_key, key = _generation_key(group), f"data:{group}:{name}"
    try:
        found = cache.get_many([generation_key, key])
        generation = found.get(generation_key)
        if generation is None:
            # A fresh number (not 1) when the cache lost the generation: a value stored under an
            # earlier generation that survived the eviction must not be read again.
            cache.add(generation_key, time.time_ns(), None)
            generation = cache.get(generation_key)
    except Exception:  # the cache is down: pages are computed, as without a cache, not refused
        logger.exception("cache: could not read %s", key)
        return compute()
    stored = found.get(key)
    if stored is not None and stored[0] == generation:
        return stored[1]
    value = compute()
    try:
        cache.set(key, (generation, value), timeout)
    except Exception:
        logger.exception("cache: could not keep %s", key)
    return value


def _bump(group):
    try:
        cache.set(_generation_key(group), time.time_ns(), None)
    except Exception:  # the cache is down: it holds no value to make stale, and the write stands
        logger.exception("cache: could not start a new generation of %s", group)


def invalidate(group):
    """Start a new generation now and again once the transaction commits: a page read while the
    write was not yet committed may have stored the old value under the first new generation.
    Within one transaction the commit's bump is scheduled once however many rows change
    (deleting 100,000 entries sends 100,000 signals)."""
    _bump(group)
    scheduled = (getattr(callback, "cache_group", None) for _sids, callback, _robust in connection.run_on_commit)
    if group in scheduled:
        return

    def bump_on_commit():
        _bump(group)

    bump_on_commit.cache_group = group
    transaction.on_commit(bump_on_commit)


def invalidate_on(group, *models):
    """Drop `group` whenever a row of one of `models` is saved or deleted (the admin included)."""

    def receiver(**kwargs):
        invalidate(group)

    for model in models:
        uid = f"mekendeshter.core.cache:{group}:{model._meta.label}"
        post_save.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}:save")
        post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=f"{uid}:delete")
