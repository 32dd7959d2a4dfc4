from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from mekendeshter.core.cache import invalidate_on


class DiasporaConfig(AppConfig):
    name = "diaspora"
    verbose_name = _("Diaspora directory")

    def ready(self):
        from . import selectors  # noqa: PLC0415 - it imports the models, which are ready only now

        invalidate_on(selectors.DIRECTORY_DATA, *selectors.DIRECTORY_DATA_MODELS)
