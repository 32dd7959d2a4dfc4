from django.apps import AppConfig, apps
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

from mekendeshter.checks import production_services
from mekendeshter.core import pagecache

# The apps whose rows the public pages show: a change to one of them makes every page the cache
# keeps stale (mekendeshter.core.pagecache), so that a staff edit shows at once.
CONTENT_APPS = ("forum", "news", "diaspora")


def _content_changed(sender, **kwargs):
    pagecache.bump_version()


def _part_changed(part):
    def receiver(sender, **kwargs):
        pagecache.bump_version(part)

    return receiver


def page_cache_parts(model):
    """What a save of `model` makes stale, as the model declares it next to its fields (so that
    whoever changes what a model shows sees it): `PAGE_CACHE_PARTS` absent → every kept page
    (the safe default), `()` → none (no kept page shows its rows, with a comment why), or the
    `pagecache.PARTS` whose pages show it. A through table of a many-to-many field follows the
    model that declares the field."""
    if model._meta.auto_created:
        model = model._meta.auto_created  # the model that declares the field
    parts = getattr(model, "PAGE_CACHE_PARTS", None)
    if parts is not None and not set(parts) <= set(pagecache.PARTS):
        raise ImproperlyConfigured(f"{model._meta.label}.PAGE_CACHE_PARTS names unknown parts: {parts}")
    return parts


class MekendeshterConfig(AppConfig):
    name = "mekendeshter"
    verbose_name = _("Site")

    def ready(self):
        # With the deployment checks: `check --deploy` reports what the servers would refuse.
        checks.register(production_services, deploy=True)
        for label in CONTENT_APPS:
            for model in apps.get_app_config(label).get_models(include_auto_created=True):
                parts = page_cache_parts(model)
                receivers = {"all": _content_changed} if parts is None else {p: _part_changed(p) for p in parts}
                for name, receiver in receivers.items():
                    uid = f"pagecache:{model._meta.label_lower}:{name}"
                    post_save.connect(receiver, sender=model, dispatch_uid=uid, weak=False)
                    post_delete.connect(receiver, sender=model, dispatch_uid=uid, weak=False)
                    if model._meta.auto_created:  # the through table of a many-to-many field
                        m2m_changed.connect(receiver, sender=model, dispatch_uid=uid, weak=False)
        # allauth's authenticators (a person's authenticator app, recovery codes) have no
        # translatable name: the admin showed "Authenticators" in English in every language.
        from allauth.mfa.models import Authenticator  # noqa: PLC0415 - models load once the registry is ready

        Authenticator._meta.verbose_name = _("two-factor authentication method")
        Authenticator._meta.verbose_name_plural = _("two-factor authentication methods")
        # The letters that follow an app's event (forum's progress updates → news' subscribers).
        from . import receivers  # noqa: F401, PLC0415 - connecting receivers needs the app registry ready
