"""Administrators can require two-factor authentication per role (region setting); every
account with access to case data of a cliëntoverleg needs it anyway (casework.mfa)."""

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
    """True for a user without TOTP whom a region requires it of (by role), or who has access
    to case data of a cliëntoverleg (always required, ADR 0010: casework.mfa)."""
    from aantafel.bodies.queries import roles_by_region
    from aantafel.casework.mfa import totp_and_case_access

    # One query answers both "has TOTP" and "has access to case data": no query more than before.
    has_totp, case_access = totp_and_case_access(user)
    if has_totp:
        return False
    if case_access:
        return True
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
