"""Pages a phone keeps for reading offline (the service worker, `templates/pwa/sw.js`).

A view marks its response with the `Offline-Copy` header; the worker stores only responses so
marked, so what is kept offline is decided here on the server, per page and per person:

- `Offline-Copy: public`: the page as an anonymous visitor sees it;
- `Offline-Copy: personal; owner=<token>`: a page for a signed-in person (their ticket, or a
  public page showing their name in the menu, sent `private, no-store`). The worker keeps it in a
  separate cache that belongs to that owner only: a response for another owner, an anonymous copy
  of a kept page and signing out delete it. The token is an HMAC of the user's id: it tells two
  people apart without saying who they are.
"""

from django.utils.crypto import salted_hmac

HEADER = "Offline-Copy"


def owner_token(user):
    return salted_hmac("mekendeshter.offline.owner", str(user.pk), algorithm="sha256").hexdigest()[:32]


def keep_offline(request, response):
    """Mark `response` as a page the phone may keep (only a successful page is ever marked)."""
    if response.status_code != 200:
        return response
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        response[HEADER] = f"personal; owner={owner_token(user)}"
    else:
        response[HEADER] = "public"
    return response
