import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mekendeshter.settings")

application = get_wsgi_application()

# After setup, before the first request: production without a shared cache or a broker stops here.
from mekendeshter.checks import refuse_to_serve_unconfigured  # noqa: E402

refuse_to_serve_unconfigured()
