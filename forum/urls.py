from django.urls import path

from . import checkin, feeds, views

app_name = "forum"

urlpatterns = [
    path("", views.edition_list, name="list"),
    path("statistics/", views.statistics, name="statistics"),
    path("<int:year>/", views.edition_detail, name="edition"),
    path("<int:year>/programme/", views.programme, name="programme"),
    path("<int:year>/venue/", views.venue, name="venue"),
    path("<int:year>/photos/", views.photos, name="photos"),
    path("<int:year>/photos/<int:pk>/", views.photo, name="photo"),
    path("<int:year>/outcome/", views.outcome, name="outcome"),
    path("<int:year>/outcome/progress/", views.progress, name="progress"),
    path("<int:year>/outcome/progress/feed/", feeds.ProgressFeed(), name="progress_feed"),
    path("<int:year>/outcome/progress/feed/atom/", feeds.ProgressAtomFeed(), name="progress_feed_atom"),
    path("<int:year>/calendar.ics", views.calendar_ics, name="calendar"),
    path("<int:year>/register/", views.register, name="register"),
    path("<int:year>/register/cancel/", views.register_cancel, name="register_cancel"),
    path("<int:year>/registrations/", views.registration_stats, name="registration_stats"),
    path("<int:year>/checkin/", checkin.checkin, name="checkin"),
    path("<int:year>/checkin/scan/", checkin.scan, name="checkin_scan"),
    path("<int:year>/outcome/propose/", views.propose, name="propose"),
    path("<int:year>/outcome/proposals/<int:pk>/", views.proposal_detail, name="proposal"),
    path("<int:year>/outcome/proposals/<int:pk>/support/", views.proposal_support, name="proposal_support"),
]
