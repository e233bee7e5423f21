from django.urls import path

from .invitation_views import invitation_accept_view

urlpatterns = [path("<str:token>/", invitation_accept_view, name="invitation_accept")]
