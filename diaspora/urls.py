from django.urls import path

from . import views

app_name = "diaspora"

urlpatterns = [
    path("", views.directory, name="directory"),
]
