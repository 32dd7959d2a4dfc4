from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _


class StaffTwoFactorMiddleware:
    """The admin opens only for staff who have set up an authenticator app (TOTP).

    Signing in already asks for the code of anyone who has one (allauth.mfa); this sends staff
    without one to set it up first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path.startswith("/admin/")
            and user.is_authenticated
            and user.is_staff
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            messages.warning(request, _("Set up two-factor authentication to open the administration."))
            return redirect("mfa_activate_totp")
        return self.get_response(request)


class PrivatePagesMiddleware:
    """Every response to a signed-in person says `Cache-Control: private, no-store`.

    Their pages carry their data (my account, the registration form, my directory entry, the data
    export, members-only contacts, their own comments waiting for moderation): no shared cache
    may keep one and serve it to someone else, and the browser keeps no copy on a shared computer.
    One rule for every page rather than a decorator per view, so that a new page cannot forget
    it. A response that never read the session cannot depend on who asked, and is left alone:
    anonymous pages stay cacheable.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.accessed and request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
        return response
