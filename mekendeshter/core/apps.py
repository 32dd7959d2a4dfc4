from django.apps import AppConfig


class CoreConfig(AppConfig):
    # An app so that Django finds its template tags (templatetags/portal.py), its admin (the site's
    # title, failed letters) and its one model, FailedLetter, which every app's mail may create.
    name = "mekendeshter.core"
    label = "core"
