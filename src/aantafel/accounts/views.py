import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aantafel.core.forms import call_service

from .forms import ApiTokenForm
from .models import ApiToken
from .services import api_token_create, api_token_revoke


@login_required
def account_settings(request):
    """Permission: any logged-in user, for their own account."""
    from allauth.mfa.models import Authenticator

    has_totp = Authenticator.objects.filter(
        user=request.user, type=Authenticator.Type.TOTP
    ).exists()
    return render(request, "accounts/settings.html", {"has_totp": has_totp})


@login_required
def mfa_required(request):
    """Permission: any logged-in user. Explains why they must set up two-factor authentication."""
    return render(request, "accounts/mfa_required.html")


def _end_of_day(day: datetime.date | None):
    if day is None:
        return None
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))


@login_required
def api_tokens(request):
    """Permission: any logged-in user, for their own tokens."""
    form = ApiTokenForm(request.POST or None)
    new_key = None
    if request.method == "POST" and form.is_valid():
        result = call_service(
            form,
            lambda d: api_token_create(
                actor=request.user, name=d["name"], expires_at=_end_of_day(d["expires_on"])
            ),
        )
        if result:
            new_key = result[1]
            form = ApiTokenForm()
    tokens = ApiToken.objects.filter(user=request.user, revoked_at__isnull=True)
    return render(
        request, "accounts/api_tokens.html", {"form": form, "tokens": tokens, "new_key": new_key}
    )


@login_required
@require_POST
def api_token_revoke_view(request, pk):
    """Permission: the token's owner (others get 404)."""
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    api_token_revoke(actor=request.user, token=token)
    messages.success(request, _("The token has been revoked."))
    return redirect("api_tokens")
