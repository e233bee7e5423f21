"""Staff pages of experience stories (P5), at /regio/<region_slug>/verhalen/."""

from django.urls import path

from . import views_stories as views

urlpatterns = [
    path("", views.story_list, name="story_list"),
    path("<int:pk>/", views.story_detail, name="story_detail"),
    path("<int:pk>/publiceren/", views.story_publish, name="story_publish"),
    path("<int:pk>/afwijzen/", views.story_reject, name="story_reject"),
    path("<int:pk>/intrekken/", views.story_withdraw_staff, name="story_withdraw_staff"),
]
