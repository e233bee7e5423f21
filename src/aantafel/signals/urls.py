"""Staff pages of the signal loop, under /regio/<region_slug>/."""

from django.urls import path

from . import views

urlpatterns = [
    path("signalen/", views.signal_list, name="signal_list"),
    path("signalen/export.csv", views.signal_export, name="signal_export"),
    path("signalen/nieuw/", views.signal_raise, name="signal_raise"),
    path("signalen/<int:pk>/", views.signal_detail, name="signal_detail"),
    path(
        "signalen/<int:pk>/zorg-over-veiligheid/",
        views.signal_flag_safety,
        name="signal_flag_safety",
    ),
]
