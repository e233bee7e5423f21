"""Staff pages of ideas (P4), at /regio/<region_slug>/ideeen/."""

from django.urls import path

from . import views_ideas as views

urlpatterns = [
    path("", views.idea_list, name="idea_list"),
    path("export.<str:fmt>", views.idea_export, name="idea_export"),
    path("<int:pk>/", views.idea_detail, name="idea_detail"),
    path("<int:pk>/publiceren/", views.idea_publish, name="idea_publish"),
    path("<int:pk>/afwijzen/", views.idea_decline, name="idea_decline"),
    path("<int:pk>/reactie/", views.idea_respond, name="idea_respond"),
]
