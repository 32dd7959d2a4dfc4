from django.apps import AppConfig
from django.core import checks
from django.utils.translation import gettext_lazy as _

from mekendeshter.checks import production_services


class MekendeshterConfig(AppConfig):
    name = "mekendeshter"
    verbose_name = _("Site")

    def ready(self):
        # With the deployment checks: `check --deploy` reports what the servers would refuse.
        checks.register(production_services, deploy=True)
