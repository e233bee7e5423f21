"""Pages of the meeting cycle that work without an account (a link in a message)."""

from django.urls import path

from .views import participation

urlpatterns = [
    # M12: the link a representative shares with their constituency.
    path("<str:token>/", participation.question_answer, name="question_answer"),
    path("<str:token>/bedankt/", participation.question_thanks, name="question_thanks"),
]
