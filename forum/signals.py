"""Signals the forum app sends for other parts of the site to act on.

The forum knows nothing of subscriptions (they belong to the news app, which it may not import):
the site level connects the letter to subscribers of the topic to this signal
(`mekendeshter/receivers.py`)."""

from django.dispatch import Signal

# Sent once per progress update, after the transaction that first published it has committed,
# with `update_id`.
progress_update_published = Signal()
