from django.urls import path

from . import views

urlpatterns = [
    path("instellingen/", views.region_settings, name="region_settings"),
    path("logboek/", views.audit_log, name="audit_log"),
]
