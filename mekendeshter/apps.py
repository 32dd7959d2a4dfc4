from django.apps import AppConfig, apps
from django.core import checks
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

from mekendeshter.checks import production_services
from mekendeshter.core import pagecache

# The apps whose rows the public pages show: a change to one of them makes every page the cache
# keeps stale (mekendeshter.core.pagecache), so that a staff edit shows at once.
CONTENT_APPS = ("forum", "news", "diaspora")
# Their models whose rows no cached page shows. Registrations appear only as the count of places
# left on the home page, which may lag by PAGE_CACHE_SECONDS: at the registration peak every new
# registration would otherwise empty the cache when it is needed most.
NOT_SHOWN = {
    "forum.registration",
    "forum.ticket",
    "forum.arrival",
    "forum.contactrequest",
    "news.commentreport",
    "news.subscription",
    "news.newsletter",
    "news.delivery",
    "diaspora.profile",
}


def _content_changed(sender, **kwargs):
    pagecache.bump_version()


class MekendeshterConfig(AppConfig):
    name = "mekendeshter"
    verbose_name = _("Site")

    def ready(self):
        # With the deployment checks: `check --deploy` reports what the servers would refuse.
        checks.register(production_services, deploy=True)
        for label in CONTENT_APPS:
            for model in apps.get_app_config(label).get_models(include_auto_created=True):
                if model._meta.label_lower in NOT_SHOWN:
                    continue
                uid = f"pagecache:{model._meta.label_lower}"
                post_save.connect(_content_changed, sender=model, dispatch_uid=uid)
                post_delete.connect(_content_changed, sender=model, dispatch_uid=uid)
                if model._meta.auto_created:  # the through table of a many-to-many field
                    m2m_changed.connect(_content_changed, sender=model, dispatch_uid=uid)
        # allauth's authenticators (a person's authenticator app, recovery codes) have no
        # translatable name: the admin showed "Authenticators" in English in every language.
        from allauth.mfa.models import Authenticator  # noqa: PLC0415 - models load once the registry is ready

        Authenticator._meta.verbose_name = _("two-factor authentication method")
        Authenticator._meta.verbose_name_plural = _("two-factor authentication methods")
        # The letters that follow an app's event (forum's progress updates → news' subscribers).
        from . import receivers  # noqa: F401, PLC0415 - connecting receivers needs the app registry ready
