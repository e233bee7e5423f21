"""The invitee's side of an invitation: open the link, set a password, land on their bodies."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from aantafel.core.errors import DomainError
from aantafel.core.forms import call_service

from .forms import AcceptInvitationForm
from .services import invitation_accept
from .services.invitations import invitation_by_token


@never_cache
def invitation_accept_view(request, token):
    """Permission: whoever holds the link (the token is the credential); a logged-in user only
    for an invitation to their own address."""
    invitation = invitation_by_token(token)
    if invitation is None:
        return render(request, "bodies/invitation_invalid.html", status=404)
    request.region = invitation.region
    user = request.user
    has_account = (
        not user.is_authenticated
        and get_user_model().objects.filter(email__iexact=invitation.email).exists()
    )
    wrong_user = user.is_authenticated and user.email.lower() != invitation.email.lower()
    form = None
    if not user.is_authenticated and not has_account:
        form = AcceptInvitationForm(
            request.POST or None, initial={"full_name": invitation.full_name}
        )
    if request.method == "POST" and not has_account and not wrong_user:
        membership = None
        if form is None:
            try:
                membership = invitation_accept(token=token, user=user)
            except DomainError as error:
                messages.error(request, error.message)
        elif form.is_valid():
            membership = call_service(
                form,
                lambda d: invitation_accept(
                    token=token, full_name=d["full_name"], password=d["password1"]
                ),
            )
        if membership is not None:
            if not user.is_authenticated:
                login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("Welcome to %(body)s.") % {"body": membership.body.name})
            return redirect("home")
    return render(
        request,
        "bodies/invitation_accept.html",
        {
            "invitation": invitation,
            "form": form,
            "has_account": has_account,
            "wrong_user": wrong_user,
            "login_url": reverse("account_login") + "?next=" + request.path,
        },
    )
