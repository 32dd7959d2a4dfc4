from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MekendeshterConfig(AppConfig):
    name = "mekendeshter"
    verbose_name = _("Site")

    def ready(self):
        # The letters that follow an app's event (forum's progress updates → news' subscribers).
        from . import receivers  # noqa: F401, PLC0415 - connecting receivers needs the app registry ready
