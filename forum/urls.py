from django.urls import path

from . import views

app_name = "forum"

urlpatterns = [
    path("", views.edition_list, name="list"),
    path("<int:year>/", views.edition_detail, name="edition"),
    path("<int:year>/programme/", views.programme, name="programme"),
    path("<int:year>/venue/", views.venue, name="venue"),
    path("<int:year>/photos/", views.photos, name="photos"),
    path("<int:year>/photos/<int:pk>/", views.photo, name="photo"),
    path("<int:year>/outcome/", views.outcome, name="outcome"),
    path("<int:year>/calendar.ics", views.calendar_ics, name="calendar"),
]
