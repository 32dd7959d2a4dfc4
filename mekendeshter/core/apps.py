from django.apps import AppConfig


class CoreConfig(AppConfig):
    # An app only so that Django finds its template tags (templatetags/portal.py) and imports
    # admin.py, which titles the admin site; it has no models.
    name = "mekendeshter.core"
    label = "core"
