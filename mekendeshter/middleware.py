from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
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
