from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MekendeshterConfig(AppConfig):
    name = "mekendeshter"
    verbose_name = _("Site")
