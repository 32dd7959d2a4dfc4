from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.article_list, name="list"),
    path("feed/", feeds.ArticleFeed(), name="feed"),
    path("feed/atom/", feeds.ArticleAtomFeed(), name="feed_atom"),
    path("<slug:slug>/", views.article_detail, name="detail"),
    path("<slug:slug>/comments/", views.comment_create, name="comment_create"),
    path("<slug:slug>/comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("<slug:slug>/comments/<int:pk>/delete/", views.comment_delete, name="comment_delete"),
    path("<slug:slug>/comments/<int:pk>/report/", views.comment_report, name="comment_report"),
]

# Included under /<lang>/subscribe/ with the namespace "subscribe".
subscribe_patterns = (
    [
        path("", views.subscribe, name="form"),
        path("sent/", views.subscribe_sent, name="sent"),
        path("confirm/<str:token>/", views.subscribe_confirm, name="confirm"),
        path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    ],
    "subscribe",
)
