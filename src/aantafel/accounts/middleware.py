"""Administrators can require two-factor authentication per role (region setting)."""

from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

# Pages a user must still reach while they set up two-factor authentication. Everything else,
# the account pages where API tokens are made included, waits until it is set up.
EXEMPT_PREFIXES = (
    "/accounts/login/",
    "/accounts/logout/",
    "/accounts/2fa/",
    "/accounts/reauthenticate/",
    "/accounts/password/",
    "/accounts/tweestapsverificatie-vereist/",
    "/static/",
    "/health",
    "/i18n/",
    "/uitnodiging/",
)


def mfa_required_but_missing(user) -> bool:
    from allauth.mfa.models import Authenticator

    from aantafel.bodies.queries import roles_by_region

    if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        return False
    return any(roles & set(region.mfa_required_roles) for region, roles in roles_by_region(user))


class RequireMfaMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(EXEMPT_PREFIXES)
            and mfa_required_but_missing(user)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse(
                    {
                        "type": "about:blank",
                        "title": _("Two-factor authentication is required for your role."),
                        "status": 403,
                    },
                    status=403,
                    content_type="application/problem+json",
                )
            return redirect("mfa_required")
        return self.get_response(request)
