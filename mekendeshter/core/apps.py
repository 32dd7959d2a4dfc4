from django.apps import AppConfig


class CoreConfig(AppConfig):
    # An app so that Django finds its template tags (templatetags/portal.py), imports admin.py
    # (which titles the admin site) and its one model, FailedLetter (letters.py: the mail that
    # every app sends goes through the core), and Celery finds tasks.py.
    name = "mekendeshter.core"
    label = "core"
