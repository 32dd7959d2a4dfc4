from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    # An app so that Django finds its template tags (templatetags/portal.py), imports admin.py
    # (which titles the admin site) and its one model, FailedLetter (letters.py: the mail that
    # every app sends goes through the core), and Celery finds tasks.py.
    name = "mekendeshter.core"
    label = "core"
    # Staff see its model (Failed letters) under the site's own heading in the admin.
    verbose_name = _("Site")
