"""Staff pages of safety concerns, under /regio/<region_slug>/zorgen/."""

from django.urls import path

from . import views_safety as views

urlpatterns = [
    path("", views.safety_concern_list, name="safety_concern_list"),
    path("melden/<str:kind>/<int:pk>/", views.safety_concern_flag, name="safety_concern_flag"),
]
