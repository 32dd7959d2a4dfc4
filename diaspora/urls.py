from django.urls import path

from . import views

app_name = "diaspora"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("experts/", views.experts, name="experts"),
    path("me/", views.my_entry, name="me"),
    path("stats/", views.stats, name="stats"),
    path("<slug:slug>/", views.entry, name="entry"),
]
