from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from mekendeshter.core.cache import invalidate_on


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Forum")

    def ready(self):
        from . import selectors  # noqa: PLC0415 - it imports the models, which are ready only now

        invalidate_on(selectors.SITE_DATA, *selectors.SITE_DATA_MODELS)
