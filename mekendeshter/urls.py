from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from forum import ticket_views
from forum import views as forum_views
from news import urls as news_urls

from . import pwa, views
from .sitemaps import SITEMAPS

# The admin's own login form is replaced by allauth's (rate limited, with two-factor codes).
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("healthz", views.healthz, name="healthz"),
    # At the root, so that the worker's scope covers every language.
    path("manifest.webmanifest", pwa.manifest, name="manifest"),
    path("sw.js", pwa.service_worker, name="service_worker"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("forum/", include("forum.urls")),
    path("news/", include("news.urls")),
    path("subscribe/", include(news_urls.subscribe_patterns)),
    path("directory/", include("diaspora.urls")),
    path("search/", views.search, name="search"),
    path("contact/", forum_views.contact, name="contact"),
    path("privacy/", forum_views.privacy, name="privacy"),
    path("contact/thanks/", forum_views.contact_thanks, name="contact_thanks"),
    path("offline/", pwa.offline, name="offline"),
    # allauth's sign-out with Clear-Site-Data (mekendeshter.pwa), under allauth's own name.
    path("accounts/logout/", pwa.sign_out, name="account_logout"),
    path("accounts/", include("allauth.urls")),
    path("me/", views.me, name="me"),
    path("me/export/", views.me_export, name="me_export"),
    path("me/delete/", views.me_delete, name="me_delete"),
    path("me/tickets/<int:year>/", ticket_views.ticket, name="ticket"),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
