from django.urls import path

from . import views

urlpatterns = [
    path("instellingen/", views.account_settings, name="account_settings"),
    path("tweestapsverificatie-vereist/", views.mfa_required, name="mfa_required"),
    path("api-tokens/", views.api_tokens, name="api_tokens"),
    path("api-tokens/<int:pk>/intrekken/", views.api_token_revoke_view, name="api_token_revoke"),
]
