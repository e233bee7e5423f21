from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are made by invitation only (bodies.services.invitation_accept)."""

    def is_open_for_signup(self, request):
        return False
